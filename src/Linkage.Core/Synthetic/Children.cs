using Linkage.Records;

namespace Linkage.Synthetic;

/// <summary>A child of the reference side as the world knows it (Ukrainian documents).</summary>
internal sealed record UkrainianChild(Sex Sex, GivenName Name, Surname Surname, Father Father, DateOnly BirthDate, Settlement Birthplace);

/// <summary>A Russian child in the listings who is no one's reference: a distractor.</summary>
internal sealed record RussianChild(Sex Sex, string GivenName, string Surname, string Patronymic, DateOnly BirthDate, RussianPlace Birthplace, Settlement? OccupiedBirthplace);

/// <summary>
/// What a listed child's Russian documents say after they were changed once (Family Code arts. 134–135);
/// every listing of the child starts from these. Null means unchanged.
/// </summary>
internal sealed record ChildDocuments(string? AdoptiveSurname, string? ReplacedGivenName, string? ReplacedPatronymic, RussianPlace? RussianBirthplace, DateOnly BirthDate);
