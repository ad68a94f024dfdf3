using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using ReliefMatch.Host.Web.Pages;

namespace ReliefMatch.Host.Web;

/// <summary>
/// Every POST of the workplace passes here before its handler: the request body is held to the endpoint's
/// size (a small form, or an <see cref="UploadLimit"/>), and the antiforgery token of the form must match the
/// browser's cookie, so that another site cannot make a signed-in browser upload, sign out or sign in.
/// </summary>
public sealed class FormGuard(IAntiforgery antiforgery, WorkplaceSettings settings) : IEndpointFilter
{
    /// <summary>The largest body of a form without files.</summary>
    public const long FormBytes = 64 * 1024;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return await next(context);
        }
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<UploadLimit>()?.Bytes(settings) ?? FormBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }
        if (http.Request.ContentLength > limit)
        {
            return TooLarge(http, limit);
        }
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException e) when (TooLarge(e))
        {
            // Sent chunked, the body has no length to refuse up front: it passes the limit while the form is read
            // for the token, and the antiforgery layer reports that as a token it could not read.
            return TooLarge(http, limit);
        }
        catch (AntiforgeryValidationException)
        {
            return PageResults.BadRequest(http, "表单已过期或来源不明，请刷新页面后重试。");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(http, limit);
        }
        catch (InvalidDataException)
        {
            // The multipart reader's own limits (a part too long, too many parts).
            return TooLarge(http, limit);
        }
        return await next(context);
    }

    /// <summary>Whether reading the form failed for its size: Kestrel's 413, or the multipart reader's own limits.</summary>
    private static bool TooLarge(Exception e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException)
            {
                return true;
            }
        }
        return false;
    }

    private static IResult TooLarge(HttpContext http, long limit)
    {
        var size = limit >= 1024 * 1024 ? $"{limit / (1024 * 1024)} MB" : $"{limit / 1024} KB";
        return PageResults.Page(http, "内容过大", Html.HtmlText.Of($"""<p class="warn">上传的内容超过了上限（{size}）。</p>"""), StatusCodes.Status413PayloadTooLarge);
    }
}
