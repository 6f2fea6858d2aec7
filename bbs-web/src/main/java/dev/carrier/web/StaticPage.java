package dev.carrier.web;

import static io.netty.handler.codec.http.HttpResponseStatus.NOT_FOUND;
import static io.netty.handler.codec.http.HttpResponseStatus.NOT_MODIFIED;
import static io.netty.handler.codec.http.HttpResponseStatus.OK;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The terminal page and its files ({@link StaticFiles}): gzipped when the browser takes it, a
 * strong ETag for each form (304 when the browser has it), cached for a year when the page named
 * the file with its tag, and the page itself under a Content-Security-Policy that lets it load
 * and connect only to this server. Holds no per-connection state.
 */
final class StaticPage {

    /** The page loads only what the server serves, and connects only back to it. */
    private static final String PAGE_POLICY = "default-src 'self'; connect-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final StaticFiles files;

    StaticPage(StaticFiles files) {
        this.files = files;
    }

    /** Answers a GET or HEAD for {@code path}. */
    void serve(ChannelHandlerContext ctx, FullHttpRequest request, String path) {
        Optional<StaticFiles.File> found = files.find(path);
        if (found.isEmpty()) {
            HttpResponses.send(ctx, request.method(), HttpResponses.plain(NOT_FOUND, "Nothing here. The terminal is at /.\n"));
            return;
        }
        StaticFiles.File file = found.get();
        boolean gzip = file.gzipped() != null && acceptsGzip(request.headers().get(HttpHeaderNames.ACCEPT_ENCODING));
        String etag = gzip ? file.gzipEtag() : file.etag();
        String version = new QueryStringDecoder(request.uri()).parameters().getOrDefault("v", List.of()).stream()
                .findFirst().orElse("");
        String caching = file.fingerprinted() && version.equals(file.version()) ? StaticFiles.FOREVER : StaticFiles.REVALIDATE;

        FullHttpResponse response;
        if (matches(request.headers().get(HttpHeaderNames.IF_NONE_MATCH), etag)) {
            response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, NOT_MODIFIED, Unpooled.EMPTY_BUFFER);
        } else {
            response = HttpResponses.response(OK, file.contentType(), gzip ? file.gzipped() : file.bytes());
            if (gzip) response.headers().set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.GZIP);
        }
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.ETAG, etag);
        headers.set(HttpHeaderNames.CACHE_CONTROL, caching);
        headers.set(HttpHeaderNames.VARY, HttpHeaderNames.ACCEPT_ENCODING);
        if (!file.fingerprinted()) {
            headers.set("Content-Security-Policy", PAGE_POLICY);
            headers.set("Referrer-Policy", "no-referrer");
        }
        HttpResponses.send(ctx, request.method(), response);
    }

    /** Whether an If-None-Match header names the current tag (or any). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) t = t.substring(2);
            if (t.equals("*") || t.equals(etag)) return true;
        }
        return false;
    }

    /** Whether an Accept-Encoding header takes gzip (named or as *, and not with q=0). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] pieces = part.split(";");
            String coding = pieces[0].trim();
            if ((coding.equals("gzip") || coding.equals("*")) && quality(pieces) > 0) return true;
        }
        return false;
    }

    private static double quality(String[] pieces) {
        for (int i = 1; i < pieces.length; i++) {
            String parameter = pieces[i].trim();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
