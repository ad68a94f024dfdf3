using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace ReliefMatch.Tests.Host.Web;

/// <summary>
/// A browser as far as HTTP goes: cookies kept, redirects not followed (tests look at them), antiforgery
/// tokens taken from a page's form as a browser would.
/// </summary>
internal sealed partial class WorkplaceClient : IDisposable
{
    private readonly HttpClient _http;

    public WorkplaceClient(Uri address)
        : this(address, TimeSpan.FromSeconds(100))
    {
    }

    /// <param name="timeout">How long a request may take before it fails (a server that may not answer must not hang a test).</param>
    public WorkplaceClient(Uri address, TimeSpan timeout)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = address, Timeout = timeout };
    }

    public CookieContainer Cookies { get; }

    /// <summary>Sends a header with every later request (as a reverse proxy in front would add it).</summary>
    public void AddHeader(string name, string value) => _http.DefaultRequestHeaders.Add(name, value);

    public Task<HttpResponseMessage> GetAsync(string url) => _http.GetAsync(Relative(url));

    /// <summary>GETs a page that must answer 200 and returns its HTML.</summary>
    public async Task<string> PageAsync(string url)
    {
        using var response = await GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}\n{body}");
        return body;
    }

    /// <summary>Signs in through the login form; returns the answer to the POST (302 on success).</summary>
    public async Task<HttpResponseMessage> SignInAsync(string name, string password = WebTestData.Password) =>
        await PostFormAsync("/login", "/login", ("name", name), ("password", password));

    /// <summary>Signs in and checks that it worked.</summary>
    public async Task SignInOkAsync(string name, string password = WebTestData.Password)
    {
        using var response = await SignInAsync(name, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The antiforgery token of the first form of a page.</summary>
    public async Task<string> TokenAsync(string page = "/login") => Token(await PageAsync(page));

    public static string Token(string html) => TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on the page.");

    /// <summary>POSTs a form with the token of <paramref name="tokenPage"/> (null: without a token).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, string? tokenPage, params (string Name, string Value)[] fields)
    {
        var all = fields.ToList();
        if (tokenPage is not null)
        {
            all.Add(("__RequestVerificationToken", await TokenAsync(tokenPage)));
        }
        using var content = new FormUrlEncodedContent(all.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await _http.PostAsync(Relative(url), content);
    }

    /// <summary>POSTs files (multipart) with the token of <paramref name="tokenPage"/> (null: without a token).</summary>
    public Task<HttpResponseMessage> PostFilesAsync(string url, string? tokenPage, string field, IEnumerable<(string Name, byte[] Bytes)> files, params (string Name, string Value)[] fields) =>
        PostFilesAsync(url, tokenPage, field, files, chunked: false, fields);

    /// <summary>POSTs files, in chunked transfer encoding (no Content-Length, as a streaming client sends) when told.</summary>
    public async Task<HttpResponseMessage> PostFilesAsync(string url, string? tokenPage, string field, IEnumerable<(string Name, byte[] Bytes)> files, bool chunked, params (string Name, string Value)[] fields)
    {
        using var content = new MultipartFormDataContent();
        if (tokenPage is not null)
        {
            content.Add(new StringContent(await TokenAsync(tokenPage)), "__RequestVerificationToken");
        }
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, field, name);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, Relative(url)) { Content = content };
        request.Headers.TransferEncodingChunked = chunked;
        return await _http.SendAsync(request);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>A path as the pages write it (Chinese escaped).</summary>
    private static Uri Relative(string url) => new(url.TrimStart('/'), UriKind.Relative);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
