using Linkage.Ingest;
using Linkage.Linking;
using Linkage.Records;
using Linkage.Scoring;
using Linkage.Scoring.Training;
using Linkage.Synthetic;
using Linkage.Tests.Ingest;

namespace Linkage.Tests.Scoring;

/// <summary>Training end to end on a small synthetic corpus whose truth is known.</summary>
public sealed class ModelTrainerTests : IClassFixture<ModelTrainerTests.Corpus>
{
    private static readonly TrainingOptions Options = new() { RandomPairs = 200_000, Seed = 5, DegreeOfParallelism = 1 };

    private readonly Corpus _corpus;

    public ModelTrainerTests(Corpus corpus) => _corpus = corpus;

    public sealed class Corpus : IDisposable
    {
        private readonly TempDirectory _directory = new();

        public Corpus()
        {
            CorpusGenerator.Write(new SynthOptions { Children = 600, Seed = 3 }, _directory.Path);
            References = RecordFileReader.ReadReferences(Path.Combine(_directory.Path, "references.csv")).Records;
            Listings = RecordFileReader.ReadListings(Path.Combine(_directory.Path, "listings.csv")).Records;
            Labels = TrainingLabels.FromTruthFile(Path.Combine(_directory.Path, "truth.csv"));
        }

        public IReadOnlyList<ReferenceRecord> References { get; }

        public IReadOnlyList<ListingRecord> Listings { get; }

        public TrainingLabels Labels { get; }

        public void Dispose() => _directory.Dispose();
    }

    [Fact]
    public void Without_labels_em_estimates_a_prior_near_the_true_share_of_matching_pairs()
    {
        var report = ModelTrainer.Train(_corpus.References, _corpus.Listings, LinkEngine.Default, Options);

        var trueShare = _corpus.Labels.Matches.Count / ((double)_corpus.References.Count * _corpus.Listings.Count);
        Assert.Equal(ModelTrainer.EmCandidate, report.Chosen);
        Assert.Same(report.UnsupervisedModel, report.Model);
        Assert.InRange(report.Model.Prior, trueShare / 2, trueShare * 2);
        Assert.Equal(LinkEngine.DefaultModel.BlockingRules.Count, report.Sessions.Count);
        Assert.Contains(report.Sessions, s => s.Used && s.Converged);
        Assert.Empty(report.HeldOut);
    }

    [Fact]
    public void With_labels_the_chosen_model_is_the_best_on_held_back_labels_and_links_better_than_chance()
    {
        var report = ModelTrainer.Train(_corpus.References, _corpus.Listings, LinkEngine.Default, Options, _corpus.Labels);

        Assert.Equal(3, report.HeldOut.Count);
        Assert.Equal(report.HeldOut.MinBy(s => s.LogLoss)!.Candidate, report.Chosen);
        Assert.All(report.HeldOut, s => Assert.True(s.Auc > 0.9, $"{s.Candidate}: AUC {s.Auc}"));
        Assert.True(report.LabelledMatches > 0);

        // The chosen model is a usable document: it survives JSON and links the corpus.
        var model = MatchModelJson.Deserialize(MatchModelJson.Serialize(report.Model), "trained");
        Assert.Equal(LinkEngine.DefaultModel.BlockingRules.Select(r => string.Join('+', r.Keys)), model.BlockingRules.Select(r => string.Join('+', r.Keys)));
        var result = Linker.Link(_corpus.References, _corpus.Listings, LinkEngine.Create(model, LinkEngine.Default.Names, LinkEngine.Default.Places),
            new LinkOptions { DegreeOfParallelism = 1 });
        var truth = _corpus.Labels.Matches.ToHashSet();
        var topPrecision = result.Matches.Where(m => m.Rank == 1).OrderByDescending(m => m.MatchWeight).Take(100)
            .Count(m => truth.Contains((m.ReferenceId, m.ListingId))) / 100.0;
        Assert.True(topPrecision > 0.9, $"precision of the 100 strongest candidates: {topPrecision}");
    }

    [Fact]
    public void A_target_precision_sets_the_thresholds_from_held_back_labels_and_the_design_is_kept()
    {
        var report = ModelTrainer.Train(
            _corpus.References, _corpus.Listings, LinkEngine.Default, Options with { TargetPrecision = 0.95, TargetRecall = 0.99 }, _corpus.Labels);

        var chosen = Assert.IsType<ThresholdChoice>(report.Thresholds);
        Assert.True(chosen.PrecisionReached);
        Assert.InRange(chosen.PrecisionAtMatch, 0.95, 1);
        Assert.InRange(chosen.RecallAtReview, 0.99, 1);
        Assert.True(chosen.Thresholds.Review <= chosen.Thresholds.Match);
        Assert.Equal(chosen.Thresholds, report.Model.Thresholds);
        Assert.InRange(chosen.MatchesScored, 1, chosen.Matches);
        Assert.True(chosen.Pairs > chosen.MatchesScored);
        // The target holds where it matters: on the decisions of `link`, siblings and term frequencies included.
        var engine = LinkEngine.Create(report.Model, LinkEngine.Default.Names, LinkEngine.Default.Places);
        var decided = Linker.Link(_corpus.References, _corpus.Listings, engine, new LinkOptions { DegreeOfParallelism = 1 }).Matches
            .Where(m => m.Decision == MatchDecision.Match).ToArray();
        var truth = _corpus.Labels.Matches.ToHashSet();
        var precision = decided.Count(m => truth.Contains((m.ReferenceId, m.ListingId))) / (double)decided.Length;
        Assert.True(precision >= 0.94, $"precision of link's matches: {precision:0.000}");
        // Term-frequency settings are design, not estimates: training keeps the starting model's.
        Assert.Equal(
            LinkEngine.DefaultModel.Comparisons.SelectMany(c => c.Levels.Select(l => (c.Name, l.Name, l.TfAdjust))),
            report.Model.Comparisons.SelectMany(c => c.Levels.Select(l => (c.Name, l.Name, l.TfAdjust))));
    }
}
