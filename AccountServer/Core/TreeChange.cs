namespace CloudFs.AccountServer.Core;

/// <summary>What a move or copy did: the kind of node and how much lay below it.</summary>
public sealed record TreeChange(string Type, long Objects, long Bytes);
