package dev.carrier.session;

/**
 * A place a logged-in user goes from a menu: chat, mail, who's online. A service is one class
 * (its {@link Stage}) plus one entry in the {@link ServiceCatalog} and one line in a menu file.
 *
 * @param id     the sentinel id menus name it by, such as {@code __chat__}
 * @param opener makes the session's own instance of it
 */
public record Service(String id, Opener opener) {

    @FunctionalInterface
    public interface Opener {
        Stage open(Session session);
    }
}
