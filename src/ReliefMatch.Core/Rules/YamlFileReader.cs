using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ReliefMatch.Core.Rules;

/// <summary>
/// Reads values off the YAML representation model of one file of the rules folder (a rule or a source
/// declaration), turning every problem into a <see cref="RuleFileException"/> naming the file, the line and what
/// was expected: both kinds of file are code a county officer edits, checked alike.
/// </summary>
/// <param name="file">The file's name, for messages.</param>
/// <param name="holds">What the root mapping holds, for the message when it is something else.</param>
internal class YamlFileReader(string file, string holds)
{
    public YamlMappingNode Root(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new RuleFileException(file, e.Start.Line, e.Start.Column, $"not valid YAML: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            // The scanner gives up on some malformed input without a position: locate it event by event.
            throw new RuleFileException(file, LineOfSyntaxError(text), 0, "not valid YAML: the text cannot be parsed past this line.", e);
        }
        if (stream.Documents.Count != 1)
        {
            throw new RuleFileException(file, stream.Documents.Count == 0 ? 1 : stream.Documents[1].RootNode.Start.Line, 0,
                $"expected exactly one YAML document: a mapping of {holds}.");
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw Error(stream.Documents[0].RootNode, $"expected a mapping of {holds}.");
        }
        return root;
    }

    private static long LineOfSyntaxError(string text)
    {
        var parser = new Parser(new StringReader(text));
        long line = 1;
        try
        {
            while (parser.MoveNext())
            {
                line = parser.Current?.End.Line ?? line;
            }
        }
        catch (YamlException e)
        {
            return e.Start.Line;
        }
        catch (InvalidOperationException)
        {
            // the last event read is where the trouble starts
        }
        return line;
    }

    public RuleFileException Error(YamlNode node, string problem) => new(file, node.Start.Line, node.Start.Column, problem);

    public void RejectUnknown(YamlMappingNode map, string[] known, string what)
    {
        foreach (var (keyNode, _) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                throw Error(keyNode, $"expected a {what} name.");
            }
            if (Array.IndexOf(known, key) < 0)
            {
                var expected = known.Length == 0 ? "none" : string.Join(", ", known);
                throw Error(keyNode, $"unknown {what} '{key}'; expected one of: {expected}.");
            }
        }
    }

    public YamlNode? Find(YamlMappingNode map, string name) =>
        map.Children.TryGetValue(new YamlScalarNode(name), out var value) ? value : null;

    public YamlNode Required(YamlMappingNode map, string name)
    {
        var node = Find(map, name);
        if (node is null)
        {
            throw Error(map, $"missing '{name}'.");
        }
        return node;
    }

    public (YamlScalarNode Node, string Value) Scalar(YamlMappingNode map, string name, string expected)
    {
        var node = Required(map, name);
        if (node is not YamlScalarNode scalar)
        {
            throw Error(node, $"'{name}' must be {expected}, found a {(node is YamlSequenceNode ? "list" : "mapping")}.");
        }
        var value = scalar.Value?.Trim() ?? "";
        if (value.Length == 0 || scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && value is "~" or "null")
        {
            throw Error(node, $"'{name}' must be {expected}, found nothing.");
        }
        return (scalar, value);
    }

    public (YamlScalarNode Node, string Value) Text(YamlMappingNode map, string name) => Scalar(map, name, "a non-empty text");

    public int Integer(YamlMappingNode map, string name, int min, string expected, int max = int.MaxValue)
    {
        var (node, value) = Scalar(map, name, expected);
        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            var range = max == int.MaxValue ? "" : $" (at most {max})";
            throw Error(node, $"'{name}' must be {expected}{range}, found '{value}'.");
        }
        return n;
    }

    public bool Boolean(YamlMappingNode map, string name)
    {
        var (node, value) = Scalar(map, name, "true or false");
        return value switch
        {
            "true" => true,
            "false" => false,
            _ => throw Error(node, $"'{name}' must be true or false, found '{value}'."),
        };
    }

    public bool? OptionalBoolean(YamlMappingNode map, string name) => Find(map, name) is null ? null : Boolean(map, name);

    public YamlSequenceNode Sequence(YamlMappingNode map, string name, string expected)
    {
        var node = Required(map, name);
        if (node is not YamlSequenceNode sequence)
        {
            throw Error(node, $"'{name}' must be a list of {expected}, e.g. [{expected.Split(' ')[0]}].");
        }
        return sequence;
    }

    public IEnumerable<(YamlScalarNode Node, string Value)> Items(YamlSequenceNode sequence, string name, string expected)
    {
        foreach (var item in sequence.Children)
        {
            if (item is not YamlScalarNode { Value: { } v } scalar || v.Trim().Length == 0)
            {
                throw Error(item, $"each item of '{name}' must be {expected}.");
            }
            yield return (scalar, v.Trim());
        }
    }
}
