using System;
using System.Collections.Generic;
using GraphMail.Engine.Consent.Links;

namespace GraphMail.Engine.Consent.Responses;

/// <summary>
/// The parameters of the address a browser landed on, from its query and its fragment (response_mode=fragment puts
/// them there). The query wins when both name the same parameter.
/// </summary>
internal sealed class ResponseParameters
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    private ResponseParameters(string address)
    {
        var hash = address.IndexOf('#');
        var beforeFragment = hash < 0 ? address : address.Substring(0, hash);
        var question = beforeFragment.IndexOf('?');
        Path = question < 0 ? beforeFragment : beforeFragment.Substring(0, question);
        AddAll(question < 0 ? string.Empty : beforeFragment.Substring(question + 1));
        AddAll(hash < 0 ? string.Empty : address.Substring(hash + 1));
    }

    /// <summary>Everything before the query: scheme, host and path.</summary>
    internal string Path { get; }

    internal static ResponseParameters Of(string address) => new(address);

    internal bool Has(string name) => _values.ContainsKey(name);

    /// <summary>The decoded value, or empty when the parameter is absent.</summary>
    internal string this[string name] => _values.TryGetValue(name, out var value) ? value : string.Empty;

    private void AddAll(string part)
    {
        foreach (var pair in part.Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var name = PercentEncoding.DecodeQueryValue(equals < 0 ? pair : pair.Substring(0, equals));
            if (!_values.ContainsKey(name))
            {
                _values[name] = equals < 0 ? string.Empty : PercentEncoding.DecodeQueryValue(pair.Substring(equals + 1));
            }
        }
    }
}
