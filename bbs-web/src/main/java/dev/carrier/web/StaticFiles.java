package dev.carrier.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.GZIPOutputStream;

/**
 * The terminal page, the sysop dashboard and what they load, read from the classpath once at
 * start-up: the pages' own files from this module, xterm.js and uPlot from their WebJars. Each file is kept as bytes and, where that
 * is smaller, gzipped, with a strong ETag per form.
 *
 * <p>The page refers to its scripts and styles with the content's tag in the query
 * ({@code vendor/xterm.js?v=TAG}), written into the page here, so a browser may keep them for a
 * year and still never mixes old and new files; the page itself is always revalidated.
 *
 * <p>Immutable once built; thread-safe.
 */
final class StaticFiles {

    /** What a browser may cache and for how long. */
    static final String REVALIDATE = "no-cache";
    static final String FOREVER = "public, max-age=31536000, immutable";

    private static final String PAGE = "dev/carrier/web/page/";
    private static final String HTML = "text/html; charset=utf-8";
    private static final String JS = "text/javascript; charset=utf-8";
    private static final String CSS = "text/css; charset=utf-8";

    /** One file as served. */
    record File(String path, String contentType, byte[] bytes, String etag, byte[] gzipped, String gzipEtag) {

        /** Whether pages name it with its tag; pages themselves are always revalidated. */
        boolean fingerprinted() {
            return !contentType.equals(HTML);
        }

        /** The tag the page puts in the query of this file's address. */
        String version() {
            return etag.substring(1, etag.length() - 1);
        }
    }

    private final Map<String, File> files;

    private StaticFiles(Map<String, File> files) {
        this.files = Map.copyOf(files);
    }

    /** Loads everything, or fails naming the missing resource: a broken jar should not start. */
    static StaticFiles load() {
        String xterm = "META-INF/resources/webjars/xterm/" + webJarVersion("xterm") + "/";
        String fit = "META-INF/resources/webjars/xterm-addon-fit/" + webJarVersion("xterm-addon-fit") + "/";
        String uplot = "META-INF/resources/webjars/uplot/" + webJarVersion("uplot") + "/";
        Map<String, File> assets = new LinkedHashMap<>();
        put(assets, "/vendor/xterm.js", JS, resource(xterm + "lib/xterm.js"));
        put(assets, "/vendor/xterm.css", CSS, resource(xterm + "css/xterm.css"));
        put(assets, "/vendor/xterm-addon-fit.js", JS, resource(fit + "lib/xterm-addon-fit.js"));
        put(assets, "/terminal.js", JS, resource(PAGE + "terminal.js"));
        put(assets, "/terminal.css", CSS, resource(PAGE + "terminal.css"));
        // The sysop dashboard's charts: uPlot, small and without dependencies.
        put(assets, "/vendor/uPlot.js", JS, resource(uplot + "dist/uPlot.iife.min.js"));
        put(assets, "/vendor/uPlot.css", CSS, resource(uplot + "dist/uPlot.min.css"));
        put(assets, "/sysop.js", JS, resource(PAGE + "sysop.js"));
        put(assets, "/sysop.css", CSS, resource(PAGE + "sysop.css"));

        Map<String, File> all = new LinkedHashMap<>(assets);
        put(all, "/", HTML, page("index.html", assets));
        put(all, "/sysop", HTML, page("sysop.html", assets));
        return new StaticFiles(all);
    }

    /** A page with each file it names given its content's tag. */
    private static byte[] page(String name, Map<String, File> assets) {
        String page = new String(resource(PAGE + name), StandardCharsets.UTF_8);
        for (File asset : assets.values()) {
            String relative = asset.path().substring(1); // relative, so the page also works under a proxy's sub-path
            page = page.replace("\"" + relative + "\"", "\"" + relative + "?v=" + asset.version() + "\"");
        }
        return page.getBytes(StandardCharsets.UTF_8);
    }

    /** The file at a request path (without query); {@code /index.html} is the page too. */
    Optional<File> find(String path) {
        return Optional.ofNullable(files.get(path.equals("/index.html") ? "/" : path));
    }

    private static void put(Map<String, File> files, String path, String type, byte[] bytes) {
        byte[] gzipped = gzip(bytes);
        boolean worthIt = gzipped.length < bytes.length * 9 / 10;
        String tag = tag(bytes);
        files.put(path, new File(path, type, bytes, "\"" + tag + "\"",
                worthIt ? gzipped : null, worthIt ? "\"" + tag + "-gz\"" : null));
    }

    private static String webJarVersion(String artifact) {
        String name = "META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        Properties properties = new Properties();
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("the " + artifact + " WebJar is missing from the classpath (" + name + ")");
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return properties.getProperty("version");
    }

    private static byte[] resource(String name) {
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("the web page resource " + name + " is missing from the classpath");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return out.toByteArray();
    }

    /** A short, URL-safe digest of the content. */
    private static String tag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
