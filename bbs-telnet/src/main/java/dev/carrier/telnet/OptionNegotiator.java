package dev.carrier.telnet;

import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.carrier.telnet.TelnetMessage.Verb;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Negotiates telnet options with the client and turns what it learns into {@link TelnetEvent}s;
 * user data passes through untouched.
 *
 * <p>On connect the server offers WILL ECHO and WILL SGA (the server echoes, a character at a
 * time), WILL BINARY, and asks DO NAWS, DO TTYPE, DO NEW-ENVIRON and DO BINARY. Each side of each
 * option keeps an RFC 1143 state (the Q method without its queue bit), which is what keeps the
 * negotiation from looping: an agreement to our own request gets no reply, a request for what is
 * already so gets no reply, and unknown options are refused once. As a last guard an option that
 * keeps being renegotiated past a small budget is ignored from then on.
 *
 * <p>Commands: AYT is answered with a short line (while the output is not blocked), IP hangs up, EC and EL become DEL and Ctrl-U
 * data for the line editor above; the rest (NOP, GA, BRK, DM, AO) are ignored.
 *
 * <p>One instance per channel, used on its event loop only.
 */
final class OptionNegotiator extends ChannelInboundHandlerAdapter {

    /** The answer to Are You There. */
    static final byte[] AYT_REPLY = "\r\n[Carrier: yes]\r\n".getBytes(US_ASCII);

    /** Negotiations accepted per option before further ones are ignored; real clients use 2 or 3. */
    static final int NEGOTIATION_BUDGET = 16;

    /** Larger NAWS values are bogus; clamping keeps the engine from sizing buffers by them. */
    static final int MAX_DIMENSION = 1000;

    private static final int MAX_TYPE_LENGTH = 40;
    private static final int MAX_ENV_VARIABLES = 32;
    private static final int MAX_ENV_LENGTH = 256;

    /** TTYPE SEND. */
    private static final byte[] TTYPE_SEND = {(byte) Telnet.SEND};

    /** NEW-ENVIRON SEND for the variables that describe the terminal, as VAR and as USERVAR. */
    private static final byte[] ENVIRON_SEND = environSend("TERM", "COLUMNS", "ROWS", "LINES");

    private static final Logger log = LoggerFactory.getLogger(OptionNegotiator.class);

    /** RFC 1143 states of one side of one option. */
    private enum Q { NO, YES, WANT_NO, WANT_YES }

    private final Q[] us = new Q[256];   // options the server performs (we WILL)
    private final Q[] him = new Q[256];  // options the client performs (he WILL)
    private final int[] negotiations = new int[256];
    private boolean typeKnown;
    private boolean needsFlush;

    public OptionNegotiator() {
        Arrays.fill(us, Q.NO);
        Arrays.fill(him, Q.NO);
    }

    private static boolean weSupport(int option) {
        return option == Telnet.ECHO || option == Telnet.SGA || option == Telnet.BINARY;
    }

    private static boolean heMaySupport(int option) {
        return option == Telnet.BINARY || option == Telnet.SGA || option == Telnet.NAWS
                || option == Telnet.TTYPE || option == Telnet.NEW_ENVIRON;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        offer(ctx, Telnet.ECHO);
        offer(ctx, Telnet.SGA);
        ask(ctx, Telnet.NAWS);
        ask(ctx, Telnet.TTYPE);
        ask(ctx, Telnet.NEW_ENVIRON);
        offer(ctx, Telnet.BINARY);
        ask(ctx, Telnet.BINARY);
        ctx.flush();
        needsFlush = false;
        super.channelActive(ctx);
    }

    private void offer(ChannelHandlerContext ctx, int option) {
        us[option] = Q.WANT_YES;
        send(ctx, new TelnetMessage.Negotiation(Verb.WILL, option));
    }

    private void ask(ChannelHandlerContext ctx, int option) {
        him[option] = Q.WANT_YES;
        send(ctx, new TelnetMessage.Negotiation(Verb.DO, option));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof TelnetMessage.Data) {
            ctx.fireChannelRead(msg);
        } else if (msg instanceof TelnetMessage.Negotiation n) {
            onNegotiation(ctx, n);
        } else if (msg instanceof TelnetMessage.Subnegotiation sb) {
            onSubnegotiation(ctx, sb);
        } else if (msg instanceof TelnetMessage.Command c) {
            onCommand(ctx, c);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // Replies to one read go out together.
        if (needsFlush) {
            needsFlush = false;
            ctx.flush();
        }
        ctx.fireChannelReadComplete();
    }

    private void onNegotiation(ChannelHandlerContext ctx, TelnetMessage.Negotiation n) {
        int o = n.option();
        if (++negotiations[o] > NEGOTIATION_BUDGET) {
            if (negotiations[o] == NEGOTIATION_BUDGET + 1) {
                log.debug("{}: ignoring further negotiation of {}", ctx.channel().remoteAddress(), Telnet.optionName(o));
            }
            return;
        }
        switch (n.verb()) {
            case WILL -> onWill(ctx, o);
            case WONT -> onWont(ctx, o);
            case DO -> onDo(ctx, o);
            case DONT -> onDont(ctx, o);
        }
    }

    /** The client offers to perform, or agrees to perform, an option. */
    private void onWill(ChannelHandlerContext ctx, int o) {
        switch (him[o]) {
            case NO -> {
                if (heMaySupport(o)) {
                    him[o] = Q.YES;
                    send(ctx, new TelnetMessage.Negotiation(Verb.DO, o));
                    himEnabled(ctx, o);
                } else {
                    send(ctx, new TelnetMessage.Negotiation(Verb.DONT, o));
                }
            }
            case YES -> { } // already so: no reply, or we would loop
            case WANT_NO -> him[o] = Q.NO; // he answered our DONT with WILL: an error, settle on no
            case WANT_YES -> {
                him[o] = Q.YES; // agreement to our DO: no reply
                himEnabled(ctx, o);
            }
        }
    }

    /** The client refuses, or stops performing, an option. */
    private void onWont(ChannelHandlerContext ctx, int o) {
        switch (him[o]) {
            case NO -> { }
            case YES -> {
                him[o] = Q.NO;
                send(ctx, new TelnetMessage.Negotiation(Verb.DONT, o));
                himDisabled(ctx, o);
            }
            case WANT_NO -> him[o] = Q.NO;
            case WANT_YES -> {
                him[o] = Q.NO;
                himDisabled(ctx, o);
            }
        }
    }

    /** The client asks the server to perform, or agrees that it performs, an option. */
    private void onDo(ChannelHandlerContext ctx, int o) {
        switch (us[o]) {
            case NO -> {
                if (weSupport(o)) {
                    us[o] = Q.YES;
                    send(ctx, new TelnetMessage.Negotiation(Verb.WILL, o));
                    usChanged(ctx, o, true);
                } else {
                    send(ctx, new TelnetMessage.Negotiation(Verb.WONT, o));
                }
            }
            case YES -> { }
            case WANT_NO -> us[o] = Q.NO;
            case WANT_YES -> {
                us[o] = Q.YES;
                usChanged(ctx, o, true);
            }
        }
    }

    /** The client refuses, or wants the server to stop performing, an option. */
    private void onDont(ChannelHandlerContext ctx, int o) {
        switch (us[o]) {
            case NO -> { }
            case YES -> {
                us[o] = Q.NO;
                send(ctx, new TelnetMessage.Negotiation(Verb.WONT, o));
                usChanged(ctx, o, false);
            }
            case WANT_NO -> us[o] = Q.NO;
            case WANT_YES -> {
                us[o] = Q.NO;
                usChanged(ctx, o, false);
            }
        }
    }

    private void himEnabled(ChannelHandlerContext ctx, int o) {
        if (o == Telnet.TTYPE) {
            send(ctx, new TelnetMessage.Subnegotiation(Telnet.TTYPE, TTYPE_SEND));
        } else if (o == Telnet.NEW_ENVIRON) {
            send(ctx, new TelnetMessage.Subnegotiation(Telnet.NEW_ENVIRON, ENVIRON_SEND));
        }
    }

    private void himDisabled(ChannelHandlerContext ctx, int o) {
        if (o == Telnet.TTYPE && !typeKnown) {
            typeKnown = true; // known to be unknown: nobody needs to wait for it any longer
            ctx.fireChannelRead(new TelnetEvent.TerminalTypeRefused());
        }
    }

    private void usChanged(ChannelHandlerContext ctx, int o, boolean enabled) {
        if (o == Telnet.ECHO) {
            ctx.fireChannelRead(new TelnetEvent.ServerEcho(enabled));
        }
    }

    private void onSubnegotiation(ChannelHandlerContext ctx, TelnetMessage.Subnegotiation sb) {
        // Lenient on purpose: a NAWS or TTYPE report is taken even if its option was not
        // negotiated first, since some clients send them early and they do no harm.
        byte[] p = sb.payload();
        switch (sb.option()) {
            case Telnet.NAWS -> {
                if (p.length == 4) {
                    int columns = ((p[0] & 0xff) << 8) | (p[1] & 0xff);
                    int rows = ((p[2] & 0xff) << 8) | (p[3] & 0xff);
                    ctx.fireChannelRead(new TelnetEvent.WindowSize(
                            Math.min(columns, MAX_DIMENSION), Math.min(rows, MAX_DIMENSION)));
                } else {
                    log.debug("{}: ignored NAWS of {} bytes", ctx.channel().remoteAddress(), p.length);
                }
            }
            case Telnet.TTYPE -> {
                if (p.length >= 1 && p[0] == Telnet.IS) {
                    String name = printable(p, 1, p.length, MAX_TYPE_LENGTH).toLowerCase(Locale.ROOT);
                    if (name.isEmpty()) {
                        if (!typeKnown) {
                            typeKnown = true;
                            ctx.fireChannelRead(new TelnetEvent.TerminalTypeRefused());
                        }
                    } else {
                        typeKnown = true;
                        ctx.fireChannelRead(new TelnetEvent.TerminalType(name));
                    }
                }
            }
            case Telnet.NEW_ENVIRON -> {
                if (p.length >= 1 && (p[0] == Telnet.IS || p[0] == Telnet.INFO)) {
                    Map<String, String> variables = parseEnvironment(p);
                    if (!variables.isEmpty()) {
                        ctx.fireChannelRead(new TelnetEvent.Environment(variables));
                    }
                }
            }
            default -> { }
        }
    }

    private void onCommand(ChannelHandlerContext ctx, TelnetMessage.Command c) {
        switch (c.code()) {
            case Telnet.AYT -> {
                // A client that asks faster than it reads learns nothing new from more answers.
                if (ctx.channel().isWritable()) {
                    ctx.write(Unpooled.wrappedBuffer(AYT_REPLY));
                    needsFlush = true;
                }
            }
            case Telnet.IP -> {
                log.debug("{}: interrupt process, hanging up", ctx.channel().remoteAddress());
                ctx.close();
            }
            // Erase Character and Erase Line are what a line editor calls DEL and Ctrl-U.
            case Telnet.EC -> ctx.fireChannelRead(new TelnetMessage.Data(new byte[] {0x7f}));
            case Telnet.EL -> ctx.fireChannelRead(new TelnetMessage.Data(new byte[] {0x15}));
            default -> { }
        }
    }

    private void send(ChannelHandlerContext ctx, TelnetMessage msg) {
        ctx.write(msg); // a failed write means the channel is closing; nothing to do about it
        needsFlush = true;
    }

    /**
     * The variables of a NEW-ENVIRON IS or INFO payload (RFC 1572): VAR or USERVAR name, then
     * VALUE value, with ESC quoting the next byte. A name without VALUE is undefined and left out.
     */
    static Map<String, String> parseEnvironment(byte[] p) {
        Map<String, String> variables = new LinkedHashMap<>();
        StringBuilder name = null;
        StringBuilder value = null;
        StringBuilder current = null;
        for (int i = 1; i < p.length; i++) {
            int b = p[i] & 0xff;
            if (b == Telnet.VAR || b == Telnet.USERVAR) {
                putVariable(variables, name, value);
                name = new StringBuilder();
                value = null;
                current = name;
            } else if (b == Telnet.VALUE) {
                value = name == null ? null : new StringBuilder();
                current = value;
            } else {
                if (b == Telnet.ESC && i + 1 < p.length) {
                    b = p[++i] & 0xff;
                }
                if (current != null && current.length() < MAX_ENV_LENGTH) {
                    current.append(b >= 0x20 && b < 0x7f ? (char) b : '?');
                }
            }
        }
        putVariable(variables, name, value);
        return variables;
    }

    private static void putVariable(Map<String, String> variables, StringBuilder name, StringBuilder value) {
        if (name != null && value != null && name.length() > 0 && variables.size() < MAX_ENV_VARIABLES) {
            variables.put(name.toString(), value.toString());
        }
    }

    /** Visible ASCII of {@code bytes[from, to)}, other bytes dropped, at most {@code max} chars. */
    private static String printable(byte[] bytes, int from, int to, int max) {
        StringBuilder sb = new StringBuilder(Math.min(max, Math.max(0, to - from)));
        for (int i = from; i < to && sb.length() < max; i++) {
            int b = bytes[i] & 0xff;
            if (b > 0x20 && b < 0x7f) sb.append((char) b);
        }
        return sb.toString();
    }

    private static byte[] environSend(String... names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Telnet.SEND);
        for (int kind : new int[] {Telnet.VAR, Telnet.USERVAR}) {
            for (String name : names) {
                out.write(kind);
                out.writeBytes(name.getBytes(US_ASCII));
            }
        }
        return out.toByteArray();
    }
}
