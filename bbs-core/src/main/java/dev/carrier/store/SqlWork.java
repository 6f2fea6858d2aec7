package dev.carrier.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done with one connection, handed to {@link Database#inTransaction} or
 * {@link Database#withConnection}. It may throw {@link SQLException} freely: the database turns
 * it into a {@link StoreException} that names the file.
 *
 * @param <T> what the work returns; {@code Void} and {@code null} when nothing
 */
@FunctionalInterface
public interface SqlWork<T> {

    T run(Connection connection) throws SQLException;
}
