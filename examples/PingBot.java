import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A Carrier bot written from PROTOCOL.md alone, with nothing but the JDK: it logs in over REST,
 * opens /events, and answers "!ping" with "pong" in the chat room and in direct messages.
 * Run it with {@code java examples/PingBot.java http://localhost:8080 pingbot PASSWORD}.
 * It runs until the server closes the connection, and exits 0 then (1 if it could not log in).
 */
public final class PingBot {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java PingBot.java BASE_URL HANDLE PASSWORD   (e.g. http://localhost:8080)");
            System.exit(2);
        }
        String base = args[0].replaceAll("/+$", "");
        String me = args[1];
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(object("handle", me, "password", args[2]))).build(),
                HttpResponse.BodyHandlers.ofString());
        Map<?, ?> answer = (Map<?, ?>) Json.parse(login.body());
        if (login.statusCode() != 200) {
            System.err.println("login refused: " + ((Map<?, ?>) answer.get("error")).get("message"));
            System.exit(1);
        }
        CompletableFuture<String> closed = new CompletableFuture<>();
        HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + answer.get("token"))
                .buildAsync(URI.create(base.replaceFirst("^http", "ws") + "/events"), new Listener(me, closed)).join();
        System.out.println("closed: " + closed.join());
    }

    /** Collects each text message (it may come in parts), then answers the frames that ask for it. */
    private static final class Listener implements WebSocket.Listener {
        private final String me;
        private final CompletableFuture<String> closed;
        private final StringBuilder partial = new StringBuilder();
        Listener(String me, CompletableFuture<String> closed) {
            this.me = me;
            this.closed = closed;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence text, boolean last) {
            partial.append(text);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                answer(socket, (Map<?, ?>) Json.parse(frame));
            }
            socket.request(1);
            return null;
        }

        private void answer(WebSocket socket, Map<?, ?> frame) {
            Object event = frame.get("event");
            Map<?, ?> data = frame.get("data") instanceof Map<?, ?> d ? d : Map.of();
            boolean ping = "!ping".equals(data.get("text"));
            if ("hello".equals(event)) {
                System.out.println("connected as " + data.get("username") + ", protocol " + data.get("protocol_version"));
            } else if ("chat".equals(event) && ping && "public".equals(data.get("kind")) && !me.equalsIgnoreCase(
                    String.valueOf(data.get("from")))) {
                send(socket, "chat_say", object("text", "pong"));
            } else if ("new_message".equals(event) && ping && "received".equals(data.get("direction"))) {
                send(socket, "send_message", object("to", String.valueOf(data.get("from")), "text", "pong"));
            } else if ("error".equals(event)) {
                System.err.println("refused: " + data.get("code") + ": " + data.get("message"));
            }
            // Everything else (presence, typing, bells, events of later versions) is ignored, as it should be.
        }

        private static void send(WebSocket socket, String event, String data) {
            socket.sendText("{\"event\":" + Json.quote(event) + ",\"data\":" + data + "}", true);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
            closed.complete(code + " " + reason);
            return null;
        }
        @Override
        public void onError(WebSocket socket, Throwable error) {
            closed.complete("error: " + error);
        }
    }

    /** {@code {"k1":"v1","k2":"v2"}} from pairs of strings. */
    private static String object(String... pairs) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            json.append(i == 0 ? "" : ",").append(Json.quote(pairs[i])).append(':').append(Json.quote(pairs[i + 1]));
        }
        return json.append('}').toString();
    }

    /** Just enough JSON: objects, arrays, strings, numbers, true, false, null. */
    private static final class Json {
        private final String text;
        private int at;
        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            return new Json(text).value();
        }
        static String quote(String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') out.append('\\').append(c);
                else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                else out.append(c);
            }
            return out.append('"').toString();
        }

        private Object value() {
            skipSpace();
            char c = text.charAt(at);
            if (c == '{') {
                Map<String, Object> map = new LinkedHashMap<>();
                at++;
                while (next() != '}') {
                    String key = string();
                    expect(':');
                    map.put(key, value());
                    if (next() == ',') at++;
                }
                at++;
                return map;
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                at++;
                while (next() != ']') {
                    list.add(value());
                    if (next() == ',') at++;
                }
                at++;
                return list;
            }
            if (c == '"') return string();
            int start = at;
            while (at < text.length() && "{}[],: \t\r\n".indexOf(text.charAt(at)) < 0) at++;
            String word = text.substring(start, at);
            return switch (word) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null" -> null;
                default -> Double.valueOf(word);
            };
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            for (char c = text.charAt(at++); c != '"'; c = text.charAt(at++)) {
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = text.charAt(at++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(e);
                }
            }
            return out.toString();
        }
        private char next() {
            skipSpace();
            return text.charAt(at);
        }
        private void expect(char c) {
            if (next() != c) throw new IllegalArgumentException("expected " + c + " at " + at + " in " + text);
            at++;
        }
        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++;
        }
    }
}
