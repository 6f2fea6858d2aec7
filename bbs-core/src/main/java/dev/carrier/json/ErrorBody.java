package dev.carrier.json;

/**
 * What every JSON surface answers instead of a result: {@code {"error": {"code", "message"}}},
 * the REST API and the admin connection alike.
 *
 * @param error what went wrong
 */
public record ErrorBody(Problem error) {

    /**
     * @param code    a short snake_case word a program can switch on ({@code bad_token})
     * @param message one line for a person, saying what to do
     */
    public record Problem(String code, String message) {}

    public static ErrorBody of(String code, String message) {
        return new ErrorBody(new Problem(code, message));
    }
}
