using System.Globalization;
using Linkage.Records;

namespace Linkage.Synthetic;

/// <summary>One generation: the random stream, the id sequences and the counts, walked family by family.</summary>
internal sealed class CorpusRun
{
    /// <summary>Nightly scrapes start here and run for <see cref="ScrapeWindowDays"/>.</summary>
    private static readonly DateOnly ScrapeStart = new(2023, 1, 10);
    private const int ScrapeWindowDays = 700;
    private const int MaxRowsPerChild = 30;
    /// <summary>Reference children remembered as models for look-alike distractors.</summary>
    private const int RecentChildren = 4096;

    private readonly SynthOptions _options;
    private readonly PopulationTables _tables;
    private readonly CorpusFiles _files;
    private readonly IProgress<double>? _progress;
    private readonly SeededRandom _random;
    private readonly AlterationDice _dice;
    private readonly FamilyPlanner _planner;
    private readonly ReferenceClerk _referenceClerk;
    private readonly ListingClerk _listingClerk;
    private readonly IdScrambler _referenceIds, _listingIds, _profileIds, _referenceGroups, _listingGroups;
    private readonly UkrainianChild[] _recent = new UkrainianChild[RecentChildren];
    private readonly double _anotherRowChance;

    private int _recentCount, _referenceSequence, _listingSequence, _profileSequence, _listingFamilySequence;
    private int _children, _families, _references, _listedChildren, _trueListings, _distractorChildren, _distractorListings, _truthPairs;

    public CorpusRun(SynthOptions options, PopulationTables tables, CorpusFiles files, IProgress<double>? progress)
    {
        _options = options;
        _tables = tables;
        _files = files;
        _progress = progress;
        _random = new SeededRandom(options.Seed);
        _dice = new AlterationDice(options, _random);
        _planner = new FamilyPlanner(options, _random);
        _referenceClerk = new ReferenceClerk(_dice);
        _listingClerk = new ListingClerk(_dice, tables, options);
        var keys = options.Seed;
        _referenceIds = new(SeededRandom.SplitMix64(ref keys));
        _listingIds = new(SeededRandom.SplitMix64(ref keys));
        _profileIds = new(SeededRandom.SplitMix64(ref keys));
        _referenceGroups = new(SeededRandom.SplitMix64(ref keys));
        _listingGroups = new(SeededRandom.SplitMix64(ref keys));
        // Rows per listed child are 1 + geometric, with mean ListingsPerChild.
        _anotherRowChance = 1 - 1 / options.ListingsPerChild;
    }

    public SynthSummary Execute()
    {
        var total = _options.Children;
        var distractors = _options.DistractorCount;
        var reported = 0.0;
        while (_children < total)
        {
            var size = _planner.DrawSize(total - _children);
            WriteReferenceFamily(size);
            // Distractors are interleaved in proportion, so file order tells nothing.
            var distractorTarget = (int)((long)distractors * _children / total);
            while (_distractorChildren < distractorTarget)
            {
                WriteDistractorFamily(_planner.DrawSize(distractors - _distractorChildren));
            }
            var done = (double)_children / total;
            if (_progress is not null && done - reported >= 0.01)
            {
                reported = done;
                _progress.Report(done);
            }
        }
        _progress?.Report(1);
        return new SynthSummary
        {
            Children = _children, Families = _families, References = _references, ListedChildren = _listedChildren,
            TrueListings = _trueListings, DistractorChildren = _distractorChildren, DistractorListings = _distractorListings,
            TruthPairs = _truthPairs, Alterations = _dice.Tally(),
        };
    }

    private void WriteReferenceFamily(int size)
    {
        var surname = _tables.Surnames.Pick(_random);
        var father = _tables.Fathers.Pick(_random);
        var home = _tables.Settlements.Pick(_random);
        var birthDates = _planner.DrawBirthDates(size);
        var children = new UkrainianChild[size];
        for (var i = 0; i < size; i++)
        {
            var sex = DrawSex();
            var place = _random.Chance(0.85) ? home : _tables.Settlements.Pick(_random);
            children[i] = new UkrainianChild(sex, DrawSiblingName(sex, children.AsSpan(0, i)), surname, father, birthDates[i], place);
            _recent[(_recentCount++) % RecentChildren] = children[i];
        }
        _families++;
        _children += size;

        var siblingGroup = size > 1 ? _referenceGroups.Format("SG-", _families) : string.Empty;
        var script = _referenceClerk.DrawScript();
        var referenceIds = new string[size][];
        for (var i = 0; i < size; i++)
        {
            var id = NextReferenceId(duplicate: false);
            _files.Write(_referenceClerk.Render(children[i], id, script, siblingGroup, duplicate: false));
            referenceIds[i] = [id];
            if (_dice.Roll(Alteration.DuplicateReport))
            {
                var duplicateId = NextReferenceId(duplicate: true);
                _files.Write(_referenceClerk.Render(children[i], duplicateId, _referenceClerk.DrawScript(), string.Empty, duplicate: true));
                referenceIds[i] = [id, duplicateId];
            }
        }
        if (_random.Chance(_options.ListedShare))
        {
            ListReferenceFamily(children, referenceIds);
        }
    }

    private void ListReferenceFamily(UkrainianChild[] children, string[][] referenceIds)
    {
        var adoptive = _dice.Roll(Alteration.AdoptiveSurname) ? _tables.RussianSurnames.Pick(_random) : default((string Male, string Female)?);
        var siblingGroup = NextListingGroup(children.Length);
        var firstNight = ScrapeStart.AddDays(_random.NextInt(ScrapeWindowDays));
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
            var documents = new ChildDocuments(
                adoptive is { } surnames ? (child.Sex == Sex.Female ? surnames.Female : surnames.Male) : null,
                _dice.Roll(Alteration.ReplacedGivenName) ? _tables.RussianNames(child.Sex).Pick(_random) : null,
                _dice.Roll(Alteration.ReplacedPatronymic) ? _tables.Fathers.Pick(_random).RussianFor(child.Sex) : null,
                _dice.Roll(Alteration.RussianBirthplace) ? _tables.RussianPlaces.Pick(_random) : null,
                _dice.Roll(Alteration.OfficialDateShift) ? BirthDates.Shift(child.BirthDate, _random) : child.BirthDate);
            var rows = WriteListings(firstNight, (night, profileId) => _listingClerk.RenderReferenceChild(child, documents, night, profileId, siblingGroup), referenceIds[i]);
            _listedChildren++;
            _trueListings += rows;
        }
    }

    private void WriteDistractorFamily(int size)
    {
        _dice.Counting = false;
        var surnames = _tables.RussianSurnames.Pick(_random);
        var father = _tables.Fathers.Pick(_random);
        var home = _tables.RussianPlaces.Pick(_random);
        // Some listed children were born in occupied territory yet are no one's reference.
        var occupiedHome = _random.Chance(0.1) ? _tables.Settlements.Pick(_random) : null;
        var birthDates = _planner.DrawBirthDates(size);
        var siblingGroup = NextListingGroup(size);
        var firstNight = ScrapeStart.AddDays(_random.NextInt(ScrapeWindowDays));
        for (var i = 0; i < size; i++)
        {
            var child = DrawDistractor(surnames, father, home, occupiedHome, birthDates[i]);
            _distractorListings += WriteListings(firstNight, (night, profileId) => _listingClerk.RenderDistractor(child, night, profileId, siblingGroup), []);
        }
        _distractorChildren += size;
        _dice.Counting = true;
    }

    /// <summary>A Russian child; a share of them copy a reference child's name, sex and birth year so that names collide.</summary>
    private RussianChild DrawDistractor((string Male, string Female) surnames, Father father, RussianPlace home, Settlement? occupiedHome, DateOnly birthDate)
    {
        var place = _random.Chance(0.85) ? home : _tables.RussianPlaces.Pick(_random);
        if (_recentCount > 0 && _random.Chance(_options.LookalikeShare))
        {
            var model = _recent[_random.NextInt(Math.Min(_recentCount, RecentChildren))];
            var month = _random.Chance(0.5) ? model.BirthDate.Month : _random.NextInt(1, 12);
            var day = _random.NextInt(1, DateTime.DaysInMonth(model.BirthDate.Year, month));
            var surname = _random.Chance(0.3) ? Russification.Surname(model.Surname, model.Sex) : model.Sex == Sex.Female ? surnames.Female : surnames.Male;
            return new RussianChild(model.Sex, model.Name.Russian, surname, father.RussianFor(model.Sex),
                new DateOnly(model.BirthDate.Year, month, day), place, occupiedHome);
        }
        var sex = DrawSex();
        return new RussianChild(sex, _tables.RussianNames(sex).Pick(_random), sex == Sex.Female ? surnames.Female : surnames.Male,
            father.RussianFor(sex), birthDate, place, occupiedHome);
    }

    /// <summary>
    /// Writes one child's listing rows: nightly re-scrapes repeat a profile under a new listing id; a
    /// re-listing is a new profile written afresh by the clerk. Returns the number of rows.
    /// </summary>
    private int WriteListings(DateOnly firstNight, Func<DateOnly, string, ListingRow> renderProfile, string[] referenceIds)
    {
        var rows = 1;
        while (rows < MaxRowsPerChild && _random.Chance(_anotherRowChance))
        {
            rows++;
        }
        var night = firstNight;
        ListingRow? profile = null;
        for (var r = 0; r < rows; r++)
        {
            if (profile is null || _dice.Roll(Alteration.Relisting))
            {
                night = profile is null ? night : night.AddDays(_random.NextInt(7, 90));
                profile = renderProfile(night, _profileIds.Scramble(++_profileSequence).ToString("D10", CultureInfo.InvariantCulture));
            }
            else
            {
                night = night.AddDays(_random.NextInt(1, 14));
            }
            var listingId = _listingIds.Format("L", ++_listingSequence);
            var secondsAfterMidnight = 3600 + _random.NextInt(4 * 3600);
            var scrapedAt = night.ToDateTime(TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(secondsAfterMidnight)))
                .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            _files.Write(profile with { ListingId = listingId, ScrapedAt = scrapedAt });
            foreach (var referenceId in referenceIds)
            {
                _files.WriteTruth(referenceId, listingId);
                _truthPairs++;
            }
        }
        return rows;
    }

    private Sex DrawSex() => _random.Chance(0.5) ? Sex.Male : Sex.Female;

    /// <summary>Siblings rarely share a given name; a few redraws make it rare here too.</summary>
    private GivenName DrawSiblingName(Sex sex, ReadOnlySpan<UkrainianChild> olderSiblings)
    {
        var table = _tables.UkrainianNames(sex);
        var name = table.Pick(_random);
        for (var attempt = 0; attempt < 5 && IsTaken(name, olderSiblings); attempt++)
        {
            name = table.Pick(_random);
        }
        return name;
    }

    private static bool IsTaken(GivenName name, ReadOnlySpan<UkrainianChild> siblings)
    {
        foreach (var sibling in siblings)
        {
            if (sibling.Name.Russian == name.Russian)
            {
                return true;
            }
        }
        return false;
    }

    private string NextReferenceId(bool duplicate)
    {
        _references++;
        return _referenceIds.Format(duplicate ? "NGO-" : "UA-", ++_referenceSequence);
    }

    private string NextListingGroup(int size) =>
        size > 1 ? _listingGroups.Format("G-", ++_listingFamilySequence) : string.Empty;
}
