namespace CloudFs.Catalog;

/// <summary>
/// The BEGIN of a MariaDB group's transaction, owed until one of the group's writers sends a
/// command: it rides in that command's text, as a single write session's BEGIN rides on its
/// first statement, so opening the group's transaction costs no round trip of its own. A group
/// whose writers sent nothing never began one, and owes no COMMIT either.
/// </summary>
internal sealed class OwedBegin
{
    private bool _sent;

    /// <summary>Whether the BEGIN went out: from then on the group owes the server a COMMIT or a ROLLBACK.</summary>
    public bool Sent => _sent;

    /// <summary>The BEGIN's text the first time, nothing after.</summary>
    public string Take()
    {
        if (_sent)
        {
            return "";
        }

        _sent = true;
        return CatalogSession.InlineBegin;
    }
}
