package dev.carrier.cli;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completes handles where the console's commands take one: {@code user show|passwd|ban|unban|
 * sysop|delete HANDLE} from every account, {@code kick NODE|HANDLE} from who is on. Commands and
 * options themselves are completed by picocli's completer beside this one.
 */
final class HandleCompleter implements Completer {

    private static final Set<String> USER_COMMANDS_WITH_HANDLE =
            Set.of("show", "passwd", "ban", "unban", "sysop", "delete");

    private final Supplier<List<String>> accounts;
    private final Supplier<List<String>> online;

    /**
     * @param accounts every handle
     * @param online   handles and node numbers of who is on now (empty when no server runs)
     */
    HandleCompleter(Supplier<List<String>> accounts, Supplier<List<String>> online) {
        this.accounts = accounts;
        this.online = online;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int index = line.wordIndex();
        Supplier<List<String>> source = null;
        if (index == 2 && words.size() > 2 && word(words, 0).equals("user")
                && USER_COMMANDS_WITH_HANDLE.contains(word(words, 1))) {
            source = accounts;
        } else if (index == 1 && word(words, 0).equals("kick")) {
            source = online;
        }
        if (source == null) return;
        for (String handle : source.get()) {
            candidates.add(new Candidate(handle, handle, null, null, null, null, true));
        }
    }

    private static String word(List<String> words, int index) {
        return index < words.size() ? words.get(index).toLowerCase(Locale.ROOT) : "";
    }
}
