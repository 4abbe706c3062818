using System.Buffers;
using System.Globalization;
using System.Net;

namespace CxSpark.Connect.Client;

/// <summary>How to reach a Spark Connect server: the parsed form of an <c>sc://</c> connection string.</summary>
/// <remarks>
/// The connection string is <c>sc://host[:port]/;param=value;…</c> as documented by Spark
/// (<c>token</c>, <c>use_ssl</c>, <c>user_id</c>, <c>user_agent</c>, <c>session_id</c>,
/// <c>grpc_max_message_size</c>), plus our <c>allow_insecure_auth</c>; any other parameter is sent as a gRPC header.
/// A token alone does not switch TLS on, as it does in PySpark: Spark's own servers speak plaintext, so TLS is used
/// only with <c>use_ssl=true</c>. Instead, a client that creates its own channel refuses to send a token in plaintext
/// to a host other than this machine (<see cref="ValidateTokenTransport"/>) unless <c>allow_insecure_auth=true</c>.
/// The token is never part of <see cref="ToString"/>.
/// </remarks>
public sealed record SparkConnectOptions
{
    /// <summary>The port Spark Connect listens on unless told otherwise.</summary>
    public const int DefaultPort = 15002;

    /// <summary>The largest gRPC message accepted, 128 MiB as in PySpark.</summary>
    public const int DefaultMaxMessageSize = 128 * 1024 * 1024;

    private static readonly HashSet<string> s_reservedParameters = new(StringComparer.Ordinal)
    {
        "token", "use_ssl", "user_id", "user_agent", "session_id", "grpc_max_message_size", "allow_insecure_auth",
    };

    private static readonly SearchValues<char> s_hostNameChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_");

    /// <summary>Gets the server's host name or address.</summary>
    public string Host { get; init; } = "localhost";

    /// <summary>Gets the server's port.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Gets the bearer token sent with every call, if any.</summary>
    public string? Token { get; init; }

    /// <summary>Gets a value indicating whether the channel uses TLS.</summary>
    public bool UseSsl { get; init; }

    /// <summary>Gets a value indicating whether the token may cross the network in plaintext (parameter <c>allow_insecure_auth</c>).</summary>
    /// <remarks>Only for a network the user trusts end to end; anyone who can read the traffic can reuse the token.</remarks>
    public bool AllowInsecureAuth { get; init; }

    /// <summary>Gets a value indicating whether <see cref="Host"/> is this machine: <c>localhost</c>, 127.0.0.0/8 or ::1, never resolved by DNS.</summary>
    public bool IsLoopback => Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(Host.Trim('[', ']'), out IPAddress? address)
            && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address));

    /// <summary>Gets the user id the server keys sessions by.</summary>
    public string UserId { get; init; } = Environment.UserName;

    /// <summary>Gets the client type reported to the server.</summary>
    public string UserAgent { get; init; } = "cxspark-dotnet";

    /// <summary>Gets the session id to join, or <see langword="null"/> for a new session.</summary>
    public string? SessionId { get; init; }

    /// <summary>Gets the largest message the client accepts, in bytes.</summary>
    public int MaxMessageSize { get; init; } = DefaultMaxMessageSize;

    /// <summary>Gets extra gRPC headers sent with every call.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the policy for retrying transient failures.</summary>
    public RetryPolicy RetryPolicy { get; init; } = RetryPolicy.Default;

    /// <summary>Gets the deadline of unary calls (analysis, config, release); executions have none.</summary>
    public TimeSpan UnaryCallTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets the address of the gRPC endpoint.</summary>
    public Uri Endpoint => new($"{(UseSsl ? "https" : "http")}://{Host}:{Port.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Parses an <c>sc://</c> connection string.</summary>
    /// <exception cref="FormatException">The string is not a valid Spark Connect connection string.</exception>
    public static SparkConnectOptions Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        const string Scheme = "sc://";
        if (!connectionString.StartsWith(Scheme, StringComparison.Ordinal))
        {
            throw Invalid($"A Spark Connect connection string starts with sc://, not '{connectionString}'.");
        }

        string rest = connectionString[Scheme.Length..];
        int slash = rest.IndexOf('/', StringComparison.Ordinal);
        string authority = slash < 0 ? rest : rest[..slash];
        string tail = slash < 0 ? string.Empty : rest[(slash + 1)..];
        if (tail.Length > 0 && tail[0] != ';')
        {
            throw Invalid($"The path of a Spark Connect connection string must be empty: '{connectionString}'.");
        }

        (string host, int port) = ParseAuthority(authority, connectionString);
        var options = new SparkConnectOptions { Host = host, Port = port };
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string part in tail.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw Invalid($"Connection string parameter '{part.Split('=')[0]}' has no value.");
            }

            string key = part[..eq];
            string value = Uri.UnescapeDataString(part[(eq + 1)..]);
            options = key switch
            {
                "token" => options with { Token = value },
                "use_ssl" => options with { UseSsl = ParseBool(key, value) },
                "user_id" => options with { UserId = value },
                "user_agent" => options with { UserAgent = value },
                "session_id" => options with { SessionId = ParseSessionId(value) },
                "grpc_max_message_size" => options with { MaxMessageSize = ParseInt(key, value) },
                "allow_insecure_auth" => options with { AllowInsecureAuth = ParseBool(key, value) },
                _ => options,
            };
            if (!s_reservedParameters.Contains(key))
            {
                headers[key] = value;
            }
        }

        return options with { Headers = headers };
    }

    /// <summary>Checks that the token is not sent in plaintext to another machine without <see cref="AllowInsecureAuth"/>.</summary>
    /// <exception cref="InvalidOperationException">There is a token, no TLS, a host other than loopback and no opt-in; the message names the parameters.</exception>
    public void ValidateTokenTransport()
    {
        if (Token is not null && !UseSsl && !IsLoopback && !AllowInsecureAuth)
        {
            throw new InvalidOperationException(
                $"Connection string parameter 'token' would be sent in plaintext to {Host}:{Port.ToString(CultureInfo.InvariantCulture)}: " +
                "set use_ssl=true (TLS, e.g. through a proxy), or allow_insecure_auth=true to accept the risk on a network you trust.");
        }
    }

    /// <summary>Returns the connection string with the token masked.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Token is not null)
        {
            parts.Add("token=***");
        }

        if (UseSsl)
        {
            parts.Add("use_ssl=true");
        }

        if (AllowInsecureAuth)
        {
            parts.Add("allow_insecure_auth=true");
        }

        if (SessionId is not null)
        {
            parts.Add($"session_id={SessionId}");
        }

        string suffix = parts.Count == 0 ? string.Empty : "/;" + string.Join(';', parts);
        return $"sc://{Host}:{Port.ToString(CultureInfo.InvariantCulture)}{suffix}";
    }

    private static (string Host, int Port) ParseAuthority(string authority, string connectionString)
    {
        if (authority.Length == 0)
        {
            throw Invalid($"The connection string '{connectionString}' names no host.");
        }

        int colon = authority.StartsWith('[') ? authority.IndexOf("]:", StringComparison.Ordinal) + 1 : authority.LastIndexOf(':');
        string host = colon <= 0 ? authority : authority[..colon];
        if (host.AsSpan().IndexOfAnyExcept(s_hostNameChars) >= 0 && !IPAddress.TryParse(host.Trim('[', ']'), out _))
        {
            throw Invalid($"The host '{host}' in '{connectionString}' is not a host name or IP address.");
        }

        if (colon <= 0)
        {
            return (host, DefaultPort);
        }

        string portText = authority[(colon + 1)..];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            throw Invalid($"The port '{portText}' in '{connectionString}' is not a number from 1 to 65535.");
        }

        return (host, port);
    }

    private static bool ParseBool(string key, string value) => value.ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => throw Invalid($"Connection string parameter '{key}' takes true or false, not '{value}'."),
    };

    private static int ParseInt(string key, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) && parsed > 0
            ? parsed
            : throw Invalid($"Connection string parameter '{key}' takes a positive whole number, not '{value}'.");

    private static string ParseSessionId(string value) =>
        Guid.TryParse(value, out Guid id)
            ? id.ToString()
            : throw Invalid($"Connection string parameter 'session_id' must be a UUID, not '{value}'.");

    /// <summary>A parse error whose message went through <see cref="Secrets.Redact"/>: it quotes the connection string.</summary>
    private static FormatException Invalid(string message) => new(Secrets.Redact(message));
}
