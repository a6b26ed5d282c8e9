namespace Linkage.Names;

/// <summary>Which part of a person's name a string is; each kind has its own equivalence rules.</summary>
public enum NameKind : byte
{
    Given = 0,
    Patronymic = 1,
    Surname = 2,
}
