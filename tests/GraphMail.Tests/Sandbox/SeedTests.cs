using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GraphMail.Sandbox;
using GraphMail.Sandbox.Seed;
using GraphMail.Tests.Infrastructure;

namespace GraphMail.Tests.Sandbox;

public sealed class SeedTests
{
    private static readonly Guid TenantId = Guid.Parse("5d7f6a1e-0b4c-4f3a-9d2e-1c0b9a8f7e6d");
    private const string AppId = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private const string Secret = "test-secret";

    [Fact]
    public void The_default_seed_holds_every_value_the_tests_and_docs_name()
    {
        var seed = SeedLoader.LoadDefault();

        var contoso = seed.Tenants.Single(t => t.Id == Guid.Parse(SandboxDefaults.TenantId));
        Assert.Equal([SandboxDefaults.TenantDomain, SandboxDefaults.TenantInitialDomain], contoso.Domains);
        foreach (var upn in new[] { SandboxDefaults.Noreply, SandboxDefaults.Admin, SandboxDefaults.Ceo, SandboxDefaults.Reports, SandboxDefaults.UnlicensedUser, SandboxDefaults.OnPremisesMailbox })
        {
            Assert.Contains(contoso.Users, u => u.UserPrincipalName == upn);
        }

        foreach (var (clientId, secret) in new[]
                 {
                     (SandboxDefaults.SenderAppId, SandboxDefaults.SenderSecret), (SandboxDefaults.UnconsentedAppId, SandboxDefaults.UnconsentedSecret),
                     (SandboxDefaults.ExpiredAppId, SandboxDefaults.ExpiredSecret), (SandboxDefaults.UnscopedAppId, SandboxDefaults.UnscopedSecret),
                     (SandboxDefaults.LargeAttachmentsAppId, SandboxDefaults.LargeAttachmentsSecret), (SandboxDefaults.RbacAppId, SandboxDefaults.RbacSecret),
                     (SandboxDefaults.FreshPolicyAppId, SandboxDefaults.FreshPolicySecret),
                 })
        {
            Assert.Contains(seed.Applications.Single(a => a.ClientId == clientId).Secrets, s => s.Value == secret);
        }

        using var certificate = SandboxDefaults.LoadAppCertificate();
        Assert.True(certificate.HasPrivateKey);
        Assert.Equal(Convert.ToBase64String(certificate.RawData), seed.Applications.Single(a => a.ClientId == SandboxDefaults.SenderAppId).Certificates.Single().Certificate);
        Assert.True(certificate.NotAfter > DateTime.UtcNow.AddYears(15));
        Assert.Contains(seed.ManagedIdentities, i => i.Kind == SeedManagedIdentityKind.SystemAssigned && i.ClientId == SandboxDefaults.SystemAssignedClientId);
        Assert.Contains(seed.ManagedIdentities, i => i.Kind == SeedManagedIdentityKind.UserAssigned && i.ClientId == SandboxDefaults.UserAssignedClientId);
        Assert.Equal(File.ReadAllText(SandboxDefaults.AppCertificatePem).Split("-----END CERTIFICATE-----")[0] + "-----END CERTIFICATE-----",
            certificate.ExportCertificatePem());
    }

    [Fact]
    public void The_default_seed_file_matches_the_schema()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(SandboxDefaults.SeedDirectory, "seed.schema.json")))!.AsObject();
        var seed = JsonNode.Parse(File.ReadAllText(Path.Combine(SandboxDefaults.SeedDirectory, "default.json")), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;

        SchemaCheck.Check(seed, schema, schema, "$");
    }

    public static TheoryData<string, string> InvalidSeeds => new()
    {
        { "{\"tenants\":[{\"id\":\"5d7f6a1e-0b4c-4f3a-9d2e-1c0b9a8f7e6d\",\"domains\":[\"a.com\"],\"users\":[{\"id\":\"11111111-1111-1111-1111-111111111111\",\"userPrincipalName\":\"x@a.com\"},{\"id\":\"22222222-2222-2222-2222-222222222222\",\"userPrincipalName\":\"X@a.com\"}]}]}", "appears twice" },
        { "{\"tenants\":[{\"id\":\"5d7f6a1e-0b4c-4f3a-9d2e-1c0b9a8f7e6d\",\"domains\":[\"a.com\"],\"users\":[{\"id\":\"11111111-1111-1111-1111-111111111111\",\"userPrincipalName\":\"g@a.com\",\"kind\":\"group\",\"members\":[\"nobody@a.com\"]}]}]}", "unknown member" },
        { "{\"tenants\":[{\"id\":\"5d7f6a1e-0b4c-4f3a-9d2e-1c0b9a8f7e6d\",\"domains\":[\"a.com\"],\"applicationAccessPolicies\":[{\"appIds\":[\"x\"],\"scopeGroup\":\"none@a.com\"}]}]}", "not a group" },
        { "{\"applications\":[{\"clientId\":\"x\",\"certificates\":[{\"id\":\"c\",\"certificate\":\"not base64!\"}]}]}", "certificate 'c'" },
        { "{\"applications\":[{\"clientId\":\"x\",\"servicePrincipals\":[{\"tenantId\":\"5d7f6a1e-0b4c-4f3a-9d2e-1c0b9a8f7e6d\",\"objectId\":\"5d7f6a1e-0b4c-4f3a-9d2e-1c0b9a8f7e6d\"}]}]}", "unknown tenant" },
        { "{\"tenants\":[{\"id\":\"5d7f6a1e-0b4c-4f3a-9d2e-1c0b9a8f7e6d\",\"domains\":[\"a.com\"],\"managementScopes\":[{\"name\":\"s\",\"recipientRestrictionFilter\":\"Department = Sales\"}]}]}", "recipient filter" },
        { "{\"tenants\":[{\"id\":\"not a guid\"}]}", "not a valid sandbox seed" },
    };

    [Theory]
    [MemberData(nameof(InvalidSeeds))]
    public void Invalid_seeds_are_refused_with_the_reason(string json, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => SeedLoader.Parse(json));

        Assert.Contains(reason, error.Message);
    }

    [Theory]
    [InlineData("sales@a.com", 202)]
    [InlineData("ops1@a.com", 202)]
    [InlineData("other@a.com", 403)]
    public async Task Rbac_management_scope_filters_select_mailboxes(string mailbox, int status)
    {
        var seed = SingleTenantSeed(roles: [], extraTenantJson:
            ",\"managementScopes\":[{\"name\":\"sales\",\"recipientRestrictionFilter\":\"Department -eq 'Sales' -or UserPrincipalName -like 'ops*'\"}]," +
            $"\"roleAssignments\":[{{\"appId\":\"{AppId}\",\"role\":\"Application Mail.Send\",\"scope\":\"sales\"}}]");
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Seed = seed });

        Assert.Equal(status, await SendAsync(server, mailbox));
    }

    [Fact]
    public async Task A_role_assignment_still_propagating_grants_nothing_yet()
    {
        var seed = SingleTenantSeed(roles: [], extraTenantJson:
            $",\"roleAssignments\":[{{\"appId\":\"{AppId}\",\"role\":\"Application Mail.Send\",\"effectiveAfterSeconds\":600}}]");
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Seed = seed });

        Assert.Equal(401, await SendAsync(server, "sales@a.com"));
    }

    [Theory]
    [InlineData("sales@a.com", 403)]
    [InlineData("other@a.com", 202)]
    public async Task A_deny_access_policy_blocks_its_group_only(string mailbox, int status)
    {
        var seed = SingleTenantSeed(roles: ["Mail.Send"], extraTenantJson:
            $",\"applicationAccessPolicies\":[{{\"appIds\":[\"{AppId}\"],\"accessRight\":\"denyAccess\",\"scopeGroup\":\"sales-team@a.com\"}}]");
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Seed = seed });

        Assert.Equal(status, await SendAsync(server, mailbox));
    }

    [Fact]
    public async Task A_seed_file_can_replace_the_default()
    {
        var path = Path.Combine(Path.GetTempPath(), $"graphmail-seed-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, SeedLoader.ToJson(SingleTenantSeed(["Mail.Send"], "")));
        try
        {
            await using var server = await SandboxServer.StartAsync(new SandboxOptions { SeedFile = path });

            Assert.Equal(["a.com"], Assert.Single(server.Seed.Tenants).Domains);
            Assert.Equal(202, await SendAsync(server, "other@a.com"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static SandboxSeed SingleTenantSeed(string[] roles, string extraTenantJson) => SeedLoader.Parse($$"""
        {
          "tenants": [{
            "id": "{{TenantId}}", "domains": ["a.com"],
            "users": [
              { "id": "11111111-0000-0000-0000-000000000001", "userPrincipalName": "sales@a.com", "attributes": { "Department": "Sales" } },
              { "id": "11111111-0000-0000-0000-000000000002", "userPrincipalName": "ops1@a.com" },
              { "id": "11111111-0000-0000-0000-000000000003", "userPrincipalName": "other@a.com" },
              { "id": "11111111-0000-0000-0000-000000000004", "userPrincipalName": "sales-team@a.com", "kind": "group", "members": ["sales@a.com"] }
            ]{{extraTenantJson}}
          }],
          "applications": [{
            "clientId": "{{AppId}}", "secrets": [{ "id": "s", "value": "{{Secret}}" }],
            "servicePrincipals": [{ "tenantId": "{{TenantId}}", "objectId": "22222222-0000-0000-0000-000000000001", "grantedRoles": {{JsonSerializer.Serialize(roles)}} }]
          }]
        }
        """);

    private static async Task<int> SendAsync(SandboxServer server, string mailbox)
    {
        var token = await SandboxMsal.TokenAsync(server, AppId, Secret, "a.com");
        using var http = SandboxTls.CreateClient(server.CertificateThumbprint, server.AuthorityBaseUri);
        using var response = await SandboxGraphRequests.SendMailAsync(http, token, mailbox, SandboxGraphRequests.SendMailBody());
        return (int)response.StatusCode;
    }

    /// <summary>The part of JSON Schema the seed schema uses: $ref, properties with additionalProperties false, items, enum.</summary>
    private static class SchemaCheck
    {
        internal static void Check(JsonNode? value, JsonObject schema, JsonObject root, string path)
        {
            if (schema["$ref"] is JsonValue reference)
            {
                var name = reference.GetValue<string>()["#/$defs/".Length..];
                schema = root["$defs"]![name]!.AsObject();
            }

            if (schema["enum"] is JsonArray allowed)
            {
                Assert.True(allowed.Any(a => a!.GetValue<string>() == value!.GetValue<string>()), $"{path}: '{value}' is not one of {allowed.ToJsonString()}");
            }

            if (value is JsonObject obj && schema["properties"] is JsonObject properties)
            {
                foreach (var (name, child) in obj)
                {
                    Assert.True(properties.ContainsKey(name), $"{path}.{name} is not in the schema");
                    Check(child, properties[name]!.AsObject(), root, $"{path}.{name}");
                }

                foreach (var required in schema["required"]?.AsArray() ?? [])
                {
                    Assert.True(obj.ContainsKey(required!.GetValue<string>()), $"{path} lacks required {required}");
                }
            }

            if (value is JsonArray array && schema["items"] is JsonObject items)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    Check(array[i], items, root, $"{path}[{i}]");
                }
            }
        }
    }
}
