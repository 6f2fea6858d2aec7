package dev.carrier.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 request from a chosen loopback address (Linux routes all of 127.0.0.0/8 to
 * loopback, so a test can be many clients): the JDK's HttpClient cannot pick its local address.
 */
final class RawHttp {

    /** The status and body of an answer. */
    record Answer(int status, String body) {}

    private RawHttp() {}

    static Answer post(String from, int port, String path, String json) {
        return send(from, port, "POST " + path, "Content-Type: application/json\r\n", json.getBytes(StandardCharsets.UTF_8));
    }

    /** A GET with extra header lines, each ending in CR LF. */
    static Answer get(String from, int port, String path, String headers) {
        return send(from, port, "GET " + path, headers, new byte[0]);
    }

    static Answer send(String from, int port, String request, String headers, byte[] body) {
        String head = request + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + headers
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) TestServer.WAIT.toMillis());
            socket.setSoTimeout((int) TestServer.WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String answer = all.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            int blank = answer.indexOf("\r\n\r\n");
            return new Answer(status, blank < 0 ? "" : answer.substring(blank + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(request + " from " + from, e);
        }
    }

    static Answer login(String from, int port, String handle, String password) {
        return post(from, port, "/api/login", JsonClient.body("handle", handle, "password", password).toString());
    }
}
