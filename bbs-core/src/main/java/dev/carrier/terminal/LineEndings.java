package dev.carrier.terminal;

/** The engine ends lines with {@code '\n'}; terminals on the wire want CR LF. */
public final class LineEndings {

    private LineEndings() {}

    /** Every LF not already after a CR gets one. */
    public static String crlf(String text) {
        int lf = text.indexOf('\n');
        if (lf < 0) return text;
        StringBuilder sb = new StringBuilder(text.length() + 16);
        int from = 0;
        while (lf >= 0) {
            sb.append(text, from, lf);
            if (lf == 0 || text.charAt(lf - 1) != '\r') sb.append('\r');
            sb.append('\n');
            from = lf + 1;
            lf = text.indexOf('\n', from);
        }
        return sb.append(text, from, text.length()).toString();
    }
}
