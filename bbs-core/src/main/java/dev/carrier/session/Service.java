package dev.carrier.session;

import java.util.Optional;

/**
 * A place a logged-in user goes from a menu: chat, mail, who's online. A service is one class
 * (its {@link Stage}) plus one entry in the {@link ServiceCatalog} and one line in a menu file.
 *
 * @param id     the sentinel id menus name it by, such as {@code __chat__}
 * @param opener makes the session's own instance of it
 * @param placed how it opens at a place a menu entry names ({@code room: games} for chat), if it can
 */
public record Service(String id, Opener opener, Optional<Placed> placed) {

    public Service(String id, Opener opener) {
        this(id, opener, Optional.empty());
    }

    @FunctionalInterface
    public interface Opener {
        Stage open(Session session);
    }

    /** A service that can open at a named place: a chat room. */
    public interface Placed {
        /** Why {@code place} is no place of this service, for the sysop who wrote the menu; empty when it is one. */
        Optional<String> refusal(String place);

        Stage open(Session session, String place);
    }
}
