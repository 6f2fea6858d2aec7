package dev.carrier.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite's numbered parameters ({@code ?1}, used twice where one value is compared twice) for a
 * driver that knows only plain {@code ?}, such as PostgreSQL's. The stores write one SQL for both
 * dialects; on PostgreSQL {@link Database} hands them connections that prepare through here.
 *
 * <p>{@code ?N} becomes {@code ?} and a {@code setXxx(N, value)} sets every place where {@code ?N}
 * stood. SQL with plain {@code ?} only passes through untouched.
 */
final class NumberedParameters {

    private NumberedParameters() {}

    /** {@code connection}, with {@code prepareStatement(String)} going through {@link #prepare}. */
    static Connection translating(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") && args != null && args.length == 1) {
                        return prepare(connection, (String) args[0]);
                    }
                    return call(connection, method, args);
                });
    }

    static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        Translated translated = translate(sql);
        if (translated.numbers().isEmpty()) return connection.prepareStatement(sql);
        PreparedStatement statement = connection.prepareStatement(translated.sql());
        List<Integer> numbers = translated.numbers();
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (!isSetter(method)) return call(statement, method, args);
                    int number = (Integer) args[0];
                    boolean used = false;
                    for (int i = 0; i < numbers.size(); i++) {
                        if (numbers.get(i) != number) continue;
                        Object[] atPlace = args.clone();
                        atPlace[0] = i + 1;
                        call(statement, method, atPlace);
                        used = true;
                    }
                    if (!used) throw new SQLException("no parameter ?" + number + " in: " + sql);
                    return null;
                });
    }

    /** The SQL with plain {@code ?}, and which number each of them stands for, in order. */
    record Translated(String sql, List<Integer> numbers) {}

    static Translated translate(String sql) {
        StringBuilder plain = new StringBuilder(sql.length());
        List<Integer> numbers = new ArrayList<>();
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            plain.append(c);
            if (c == '\'') quoted = !quoted; // '' inside a literal flips twice: still quoted
            if (quoted || c != '?') continue;
            int end = i + 1;
            while (end < sql.length() && Character.isDigit(sql.charAt(end))) end++;
            if (end == i + 1) continue;
            numbers.add(Integer.parseInt(sql.substring(i + 1, end)));
            i = end - 1;
        }
        if (!numbers.isEmpty() && numbers.size() != count(plain)) {
            throw new IllegalArgumentException("plain ? among numbered ones in: " + sql);
        }
        return new Translated(plain.toString(), List.copyOf(numbers));
    }

    private static int count(CharSequence sql) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') quoted = !quoted;
            if (!quoted && c == '?') count++;
        }
        return count;
    }

    private static boolean isSetter(Method method) {
        Class<?>[] types = method.getParameterTypes();
        return method.getName().startsWith("set") && types.length >= 2 && types[0] == int.class;
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
