namespace Linkage.Synthetic;

/// <summary>
/// One kind of drift the generator applies. Each kind is drawn at the rate <see cref="SynthOptions"/> gives it,
/// over the scope named here; <see cref="SynthSummary.Alterations"/> counts how often it was eligible and
/// applied. Only children of the reference side are counted (distractors go through the same clerk but are
/// not tallied).
/// </summary>
public enum Alteration
{
    // Reference side, per reference record.
    /// <summary>The reporting body wrote the family in KMU-2010 Latin (Oleksandr Lysenko); per family report.</summary>
    ReferenceLatinKmu,
    /// <summary>Informal English from the Russian form (Alexander Lysenko, no patronymic); per family report.</summary>
    ReferenceLatinInformal,
    /// <summary>Only the birth year or year and month is known.</summary>
    ReferencePartialDate,
    ReferencePatronymicMissing,
    ReferenceBirthplaceMissing,
    /// <summary>A typo or keyboard slip in the given name or surname.</summary>
    ReferenceNameTypo,
    /// <summary>One wrong digit in the birth date.</summary>
    ReferenceDateTypo,
    /// <summary>A second body reports the same child (new id, own rendering, no sibling group); per child.</summary>
    DuplicateReport,

    // A listed child's documents, changed once for all its listings.
    /// <summary>An adoptive or guardian's Russian surname replaces the real one; per listed family.</summary>
    AdoptiveSurname,
    /// <summary>The given name is replaced outright by a Russian one (art. 134); per listed child.</summary>
    ReplacedGivenName,
    /// <summary>The patronymic follows an adopter (art. 134); per listed child.</summary>
    ReplacedPatronymic,
    /// <summary>The birthplace is changed to a place in Russia (art. 135); per listed child.</summary>
    RussianBirthplace,
    /// <summary>The birth date is moved by up to three months (art. 135); per listed child.</summary>
    OfficialDateShift,

    // The clerk's view, per listing profile (re-scrapes of a profile repeat it).
    /// <summary>A federal-databank profile: first name, surname initial, birth year-month or age.</summary>
    DatabankProfile,
    /// <summary>A later scrape row is a re-listing (new profile, new clerk) rather than a re-scrape; per later row.</summary>
    Relisting,
    /// <summary>The Ukrainian given name kept letter by letter in Russian letters (Кирило, Мыхайло).</summary>
    GivenNameLetterByLetter,
    /// <summary>A rarer Russian form of the given name (Даниил for Данило, Алёна for Олена); only where one exists.</summary>
    GivenNameRareRussianForm,
    /// <summary>The surname copied with its Ukrainian letters (і, ї, є) instead of Russified.</summary>
    SurnameUkrainianSpelling,
    /// <summary>The surname copied letter by letter (Кырыленко, Ковальський) instead of by the clerk rules.</summary>
    SurnameLetterByLetter,
    /// <summary>The Ukrainian patronymic kept letter by letter (Миколайовыч) instead of the Russian form.</summary>
    PatronymicLetterByLetter,
    PatronymicMissing,
    /// <summary>Day and month exchanged; only where the day is 12 or less and differs from the month.</summary>
    DayMonthSwap,
    YearOffByOne,
    /// <summary>One wrong digit in the birth date.</summary>
    DateDigitTypo,
    /// <summary>A full-profile date written only to the year or year and month.</summary>
    DateTruncated,
    /// <summary>A databank profile that shows the age only (birth date empty, age in the notes).</summary>
    DateAgeOnly,
    /// <summary>A databank profile that shows the birth year only (age-derived).</summary>
    DateYearOnly,
    BirthDateMissing,
    /// <summary>The pre-2016 Soviet name (Артёмовск for Бахмут); only for renamed settlements.</summary>
    SovietPlaceName,
    /// <summary>Only an occupation label (ДНР, ЛНР, Запорожская область) instead of the birthplace.</summary>
    OccupationLabelOnly,
    BirthplaceMissing,
    /// <summary>ё written as е throughout a profile (Артем, Семен); only where a field has ё.</summary>
    YoWrittenAsYe,
    /// <summary>A typo or keyboard slip in the given name or surname.</summary>
    NameTypo,
    WrongSex,
    SexMissing,
}
