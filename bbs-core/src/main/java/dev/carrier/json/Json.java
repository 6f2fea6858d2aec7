package dev.carrier.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one configured JSON mapper of Carrier: the /events protocol, the REST API, the browser
 * terminal's control frames, the admin connection and the sysop commands' {@code --json} all
 * read and write through it, so a field name, a null or a number comes out the same everywhere.
 *
 * <p>Jackson's defaults, except that reading a record ignores fields it does not know, so a
 * newer server's answer still reads in an older command. Where one surface writes differently
 * (the admin connection leaves nulls out, {@code --json} is indented), it derives an immutable
 * {@code ObjectWriter} from this mapper rather than configuring a mapper of its own.
 *
 * <p>A static final: the configuration is fixed when the class loads and Jackson's mapper is
 * thread-safe once configured. Nothing may call a {@code configure}/{@code set} method on it.
 */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {}
}
