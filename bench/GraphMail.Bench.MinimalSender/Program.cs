using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Identity.Client;

namespace GraphMail.Bench.MinimalSender;

/// <summary>
/// Usage: GraphMail.Bench.MinimalSender &lt;sandboxConnectionFile&gt; &lt;subject&gt;
/// The cold-start baseline: one app token from MSAL and one raw sendMail POST, over one pooled connection that trusts
/// the sandbox's certificate by its pinned SHA-256. Prints "accepted {phase times}" the moment the send is accepted,
/// then "cpu {milliseconds}", the process's CPU time until then.
/// </summary>
public static class Program
{
    private const string ClientId = "51c27551-41e7-4952-a996-08bd0bfb1752";
    private const string Secret = "Sbx8Q~GraphMailSender.Secret-0001";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: GraphMail.Bench.MinimalSender <sandboxConnectionFile> <subject>");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        using var sandbox = JsonDocument.Parse(File.ReadAllText(args[0]));
        var authority = sandbox.RootElement.GetProperty("authority").GetString()!;
        var graph = sandbox.RootElement.GetProperty("graph").GetString()!;
        var pin = sandbox.RootElement.GetProperty("certificateSha256").GetString()!;
        using var http = new HttpClient(new SocketsHttpHandler
        {
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    errors == SslPolicyErrors.None || (certificate is not null && Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData())) == pin),
            },
        });

        var app = ConfidentialClientApplicationBuilder.Create(ClientId)
            .WithAuthority(authority + "contoso.com")
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new SharedClient(http))
            .WithClientSecret(Secret)
            .Build();
        var token = await app.AcquireTokenForClient(new[] { "https://graph.microsoft.com/.default" }).ExecuteAsync();

        var tokenMilliseconds = clock.Elapsed.TotalMilliseconds;
        var body = "{\"message\":{\"subject\":\"" + JsonEncodedText.Encode(args[1]) + "\"" +
                   ",\"body\":{\"contentType\":\"text\",\"content\":\"GraphMail cold start\"},\"toRecipients\":[{\"emailAddress\":{\"address\":\"cold-start@fabrikam.com\"}}]}}";
        using var request = new HttpRequestMessage(HttpMethod.Post, graph + "/users/noreply@contoso.com/sendMail")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        using var response = await http.SendAsync(request);
        if ((int)response.StatusCode != 202)
        {
            Console.Error.WriteLine($"sendMail answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return 1;
        }

        var sendMilliseconds = clock.Elapsed.TotalMilliseconds - tokenMilliseconds;
        Console.WriteLine(FormattableString.Invariant($"accepted {{\"token\":{tokenMilliseconds:0.0},\"send\":{sendMilliseconds:0.0}}}"));
        Console.WriteLine(FormattableString.Invariant($"cpu {Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:0.0}"));
        return 0;
    }

    private sealed class SharedClient(HttpClient client) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => client;
    }
}
