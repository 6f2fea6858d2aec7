package dev.carrier.telnet;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the inbound byte stream into {@link TelnetMessage}s: a state machine over IAC (RFC 854,
 * 855) that keeps its state between reads, so any sequence may be split at any byte.
 *
 * <p>Broken input is dropped, never fatal: a subnegotiation longer than the cap is discarded up to
 * its end, and one interrupted by another command is discarded while that command is still
 * honoured. Memory stays bounded by the cap whatever the peer sends.
 *
 * <p>One instance per channel; it runs on the channel's event loop only.
 */
final class TelnetDecoder extends MessageToMessageDecoder<ByteBuf> {

    /** Longest subnegotiation payload kept; real ones (NAWS, TTYPE, NEW-ENVIRON) are far shorter. */
    public static final int DEFAULT_MAX_SUBNEGOTIATION = 1024;

    private static final Logger log = LoggerFactory.getLogger(TelnetDecoder.class);

    private enum State {
        DATA,        // plain data
        IAC,         // after IAC in data
        VERB,        // after IAC WILL/WONT/DO/DONT, the option comes next
        SB_OPTION,   // after IAC SB, the option comes next
        SB_DATA,     // inside a subnegotiation
        SB_IAC       // after IAC inside a subnegotiation: SE ends it, IAC is a data 255
    }

    private final int maxSubnegotiation;
    private State state = State.DATA;
    private TelnetMessage.Verb verb;
    private int sbOption;
    private byte[] sbPayload;        // allocated on the first subnegotiation, never grows
    private int sbLength;
    private boolean sbOverflow;

    public TelnetDecoder() {
        this(DEFAULT_MAX_SUBNEGOTIATION);
    }

    public TelnetDecoder(int maxSubnegotiation) {
        super(ByteBuf.class);
        if (maxSubnegotiation < 4) {
            throw new IllegalArgumentException("maxSubnegotiation must be at least 4 (a NAWS payload), was " + maxSubnegotiation);
        }
        this.maxSubnegotiation = maxSubnegotiation;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        decode(in, out);
    }

    /** Decodes every readable byte of {@code in}; what is incomplete waits in this decoder's state. */
    void decode(ByteBuf in, List<Object> out) {
        int end = in.writerIndex();
        int runStart = -1; // start of the current run of data bytes, emitted as one Data message
        for (int i = in.readerIndex(); i < end; i++) {
            int b = in.getUnsignedByte(i);
            switch (state) {
                case DATA -> {
                    if (b == Telnet.IAC) {
                        emitData(in, runStart, i, out);
                        runStart = -1;
                        state = State.IAC;
                    } else if (runStart < 0) {
                        runStart = i;
                    }
                }
                case IAC -> {
                    if (b == Telnet.IAC) {
                        // IAC IAC: the second byte is a data 255 and starts a new run.
                        runStart = i;
                        state = State.DATA;
                    } else {
                        afterIac(b, out);
                    }
                }
                case VERB -> {
                    out.add(new TelnetMessage.Negotiation(verb, b));
                    state = State.DATA;
                }
                case SB_OPTION -> {
                    if (b == Telnet.IAC) {
                        // IAC SB IAC ...: no option byte. Drop it and read what follows as a command.
                        log.debug("dropped a subnegotiation without an option");
                        state = State.IAC;
                    } else {
                        sbOption = b;
                        sbLength = 0;
                        sbOverflow = false;
                        state = State.SB_DATA;
                    }
                }
                case SB_DATA -> {
                    if (b == Telnet.IAC) {
                        state = State.SB_IAC;
                    } else {
                        appendSubnegotiation(b);
                    }
                }
                case SB_IAC -> {
                    if (b == Telnet.SE) {
                        endSubnegotiation(out);
                        state = State.DATA;
                    } else if (b == Telnet.IAC) {
                        appendSubnegotiation(b);
                        state = State.SB_DATA;
                    } else {
                        // RFC 855 allows no command inside SB: the peer lost its place. Drop the
                        // subnegotiation, but honour the command (it may be IP, or the next SB).
                        log.debug("dropped SB {} interrupted by IAC {}", Telnet.optionName(sbOption), Telnet.commandName(b));
                        afterIac(b, out);
                    }
                }
            }
        }
        emitData(in, runStart, end, out);
        in.readerIndex(end);
    }

    /** Handles the byte after an IAC (other than a second IAC) and sets the next state. */
    private void afterIac(int b, List<Object> out) {
        TelnetMessage.Verb v = TelnetMessage.Verb.of(b);
        if (v != null) {
            verb = v;
            state = State.VERB;
        } else if (b == Telnet.SB) {
            state = State.SB_OPTION;
        } else if (b == Telnet.SE) {
            // SE outside a subnegotiation ends nothing; ignore it.
            state = State.DATA;
        } else {
            out.add(new TelnetMessage.Command(b));
            state = State.DATA;
        }
    }

    private void appendSubnegotiation(int b) {
        if (sbPayload == null) {
            sbPayload = new byte[maxSubnegotiation];
        }
        if (sbLength < maxSubnegotiation) {
            sbPayload[sbLength++] = (byte) b;
        } else {
            // Keep reading to IAC SE so the rest is not taken for keystrokes, but keep nothing.
            sbOverflow = true;
        }
    }

    private void endSubnegotiation(List<Object> out) {
        if (sbOverflow) {
            log.debug("dropped SB {} longer than {} bytes", Telnet.optionName(sbOption), maxSubnegotiation);
            return;
        }
        byte[] payload = sbLength == 0 ? new byte[0] : Arrays.copyOf(sbPayload, sbLength);
        out.add(new TelnetMessage.Subnegotiation(sbOption, payload));
    }

    private static void emitData(ByteBuf in, int runStart, int end, List<Object> out) {
        if (runStart >= 0 && end > runStart) {
            out.add(new TelnetMessage.Data(ByteBufUtil.getBytes(in, runStart, end - runStart)));
        }
    }
}
