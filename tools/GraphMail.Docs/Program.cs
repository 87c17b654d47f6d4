using System;
using System.IO;
using System.Linq;
using System.Xml;

namespace GraphMail.Docs;

/// <summary>GraphMail.Docs &lt;docs/en-US folder&gt; &lt;output .dll-Help.xml&gt;: every cmdlet page into one MAML file.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: GraphMail.Docs <docs/en-US folder> <GraphMail.dll-Help.xml to write>");
            return 2;
        }

        try
        {
            var pages = Directory.GetFiles(args[0], "*-*.md").Order(StringComparer.Ordinal).Select(HelpPageReader.Read).ToList();
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(args[1]))!);
            using var writer = XmlWriter.Create(args[1], new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
            MamlWriter.Write(pages).Save(writer);
            Console.WriteLine($"GraphMail.Docs: {pages.Count} cmdlet pages -> {args[1]}");
            return 0;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException)
        {
            Console.Error.WriteLine("GraphMail.Docs: error: " + e.Message);
            return 1;
        }
    }
}
