using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace CxSpark.Connect.Client;

/// <summary>The one redaction of secrets (tokens, passwords, keys) applied to every log line, exception message and manifest field.</summary>
/// <remarks>
/// <para>
/// A name is secret when it contains <c>token</c>, <c>secret</c>, <c>password</c>, <c>passwd</c>, <c>credential</c> or
/// <c>key</c>, in any case: <c>Pii:HashKey</c>, <c>token</c>, <c>client_secret</c>. <see cref="RedactValue"/> masks the
/// whole value of a configuration key with such a name.
/// </para>
/// <para>
/// <see cref="Redact"/> masks, in any text: the value of every <c>name=value</c> pair whose name is secret, up to the
/// next <c>;</c>, <c>&amp;</c>, quote, backslash or white space, wherever it stands (so <c>sc://h:15002/;token=abc</c>,
/// the malformed <c>sc://h:15002?token=abc</c> and <c>--set Pii:HashKey=abc</c> all lose the value but keep the
/// name); bearer tokens (<c>Bearer abc</c>); and the password of a URL's user information (<c>https://u:p@host</c>).
/// The mask is <see cref="Mask"/>. Over-masking is preferred to a leak: a Hive partition folder such as
/// <c>customer_key=17</c> is masked too.
/// </para>
/// </remarks>
public static partial class Secrets
{
    /// <summary>What replaces a secret.</summary>
    public const string Mask = "***";

    private static readonly string[] s_secretWords = ["token", "secret", "password", "passwd", "credential", "key"];

    // A name=value pair whose name holds a secret word; the value runs to a separator, quote, backslash or white space.
    private static readonly Regex s_secretParameter = new(
        $@"(?<name>[A-Za-z0-9_.:\-]*(?:{string.Join('|', s_secretWords)})[A-Za-z0-9_.:\-]*\s*=\s*)[^\s;&'""\\<>]+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>Whether a configuration key or parameter name names a secret.</summary>
    public static bool IsSecretName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return s_secretWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The value of configuration key <paramref name="key"/> as it may be shown: masked entirely when the key is secret, else redacted.</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static string? RedactValue(string key, string? value) => value is null ? null : IsSecretName(key) ? Mask : Redact(value);

    /// <summary>Returns <paramref name="text"/> with every secret it holds masked.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        text = s_secretParameter.Replace(text, "${name}" + Mask);
        text = BearerToken().Replace(text, "${scheme} " + Mask);
        return UserInfoPassword().Replace(text, Mask);
    }

    [GeneratedRegex(@"(?<scheme>\bBearer)\s+[A-Za-z0-9\-._~+/]+=*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BearerToken();

    [GeneratedRegex(@"(?<=\b[A-Za-z][A-Za-z0-9+.\-]*://[^/\s:@]*:)[^/\s@]+(?=@)", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfoPassword();
}
