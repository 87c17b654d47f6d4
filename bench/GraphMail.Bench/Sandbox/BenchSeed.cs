using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GraphMail.Bench.Sandbox;

/// <summary>The sandbox's default seed plus 10 Contoso mailboxes for the many-senders row, written to a file for --seed.</summary>
public static class BenchSeed
{
    public static IReadOnlyList<string> Senders { get; } = Enumerable.Range(1, 10).Select(i => $"sender{i:00}@contoso.com").ToList();

    public static string Write(string directory)
    {
        var seed = JsonNode.Parse(File.ReadAllText(BenchPaths.SandboxDefaultSeed), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        var users = seed["tenants"]![0]!["users"]!.AsArray();
        for (var i = 0; i < Senders.Count; i++)
        {
            users.Add(new JsonObject
            {
                ["id"] = new Guid(0x6e6d0000 + i, 0x5e4d, 0x4c00, 0xb0, 0x5e, 0x6c, 0x17, 0x00, 0x00, 0x00, (byte)i).ToString(),
                ["userPrincipalName"] = Senders[i],
                ["displayName"] = "Bench sender " + (i + 1),
            });
        }

        var path = Path.Combine(directory, "bench-seed.json");
        File.WriteAllText(path, seed.ToJsonString());
        return path;
    }
}
