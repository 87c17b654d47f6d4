using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace GraphMail.Tests.Infrastructure;

/// <summary>
/// Reads the subset of PowerShell data-file syntax a module manifest uses (hashtables, arrays, quoted strings,
/// numbers, $true/$false, comments) into dictionaries, lists and strings, as Import-PowerShellDataFile would.
/// </summary>
internal sealed class PowerShellDataFile
{
    private readonly string _text;
    private int _position;

    private PowerShellDataFile(string text) => _text = text;

    internal static Dictionary<string, object?> Read(string path) =>
        new PowerShellDataFile(File.ReadAllText(path)).ReadDocument();

    private Dictionary<string, object?> ReadDocument()
    {
        SkipTrivia();
        var value = ReadValue() as Dictionary<string, object?> ?? throw Error("the file is not one hashtable");
        SkipTrivia();
        return _position == _text.Length ? value : throw Error("unexpected text after the hashtable");
    }

    private object? ReadValue(bool allowBareList = true)
    {
        SkipTrivia();
        if (Peek("@{"))
        {
            return ReadHashtable();
        }

        if (Peek("@("))
        {
            return ReadArray("@(", ')');
        }

        var c = _text[_position];
        if (c is '\'' or '"')
        {
            var first = ReadString();
            SkipInlineSpace();
            return allowBareList && _position < _text.Length && _text[_position] == ',' ? ReadBareList(first) : first;
        }

        if (Peek("$true"))
        {
            _position += 5;
            return true;
        }

        if (Peek("$false"))
        {
            _position += 6;
            return false;
        }

        if (Peek("$null"))
        {
            _position += 5;
            return null;
        }

        var start = _position;
        while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '.' or '-'))
        {
            _position++;
        }

        return _position > start
            ? decimal.Parse(_text.Substring(start, _position - start), CultureInfo.InvariantCulture)
            : throw Error("unexpected character '" + c + "'");
    }

    private List<object?> ReadBareList(object? first)
    {
        var items = new List<object?> { first };
        while (_position < _text.Length && _text[_position] == ',')
        {
            _position++;
            items.Add(ReadValue(allowBareList: false));
            SkipInlineSpace();
        }

        return items;
    }

    private Dictionary<string, object?> ReadHashtable()
    {
        _position += 2;
        var table = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            SkipTrivia(alsoSemicolons: true);
            if (_text[_position] == '}')
            {
                _position++;
                return table;
            }

            var key = _text[_position] is '\'' or '"' ? ReadString() : ReadBareWord();
            SkipTrivia();
            Expect('=');
            table[key] = ReadValue();
        }
    }

    private List<object?> ReadArray(string open, char close)
    {
        _position += open.Length;
        var items = new List<object?>();
        while (true)
        {
            SkipTrivia(alsoSemicolons: true);
            if (_text[_position] == close)
            {
                _position++;
                return items;
            }

            if (_text[_position] == ',')
            {
                _position++;
                continue;
            }

            items.Add(ReadValue(allowBareList: false));
        }
    }

    private string ReadString()
    {
        var quote = _text[_position++];
        var value = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error("unterminated string");
            }

            var c = _text[_position++];
            if (c == quote)
            {
                if (_position < _text.Length && _text[_position] == quote)
                {
                    value.Append(quote);
                    _position++;
                    continue;
                }

                return value.ToString();
            }

            value.Append(c);
        }
    }

    private string ReadBareWord()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] == '_'))
        {
            _position++;
        }

        return _position > start ? _text.Substring(start, _position - start) : throw Error("expected a key");
    }

    private void SkipTrivia(bool alsoSemicolons = false)
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (char.IsWhiteSpace(c) || (alsoSemicolons && c == ';'))
            {
                _position++;
            }
            else if (c == '#')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else if (Peek("<#"))
            {
                var end = _text.IndexOf("#>", _position, StringComparison.Ordinal);
                _position = end < 0 ? throw Error("unterminated block comment") : end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private void SkipInlineSpace()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t')
        {
            _position++;
        }
    }

    private bool Peek(string token) => string.CompareOrdinal(_text, _position, token, 0, token.Length) == 0;

    private void Expect(char c)
    {
        if (_text[_position] != c)
        {
            throw Error("expected '" + c + "'");
        }

        _position++;
    }

    private FormatException Error(string what)
    {
        var line = 1;
        for (var i = 0; i < _position && i < _text.Length; i++)
        {
            line += _text[i] == '\n' ? 1 : 0;
        }

        return new FormatException($"Manifest syntax: {what} at line {line}.");
    }
}
