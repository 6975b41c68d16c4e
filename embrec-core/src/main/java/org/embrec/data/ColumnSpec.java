package org.embrec.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.embrec.EmbrecException;

/**
 * Which columns of a delimited file hold which role, as given on the command line:
 * {@code user=userId,item=2,rating=score,time=ts[,header=auto|yes|no]} ({@code session=C} in place
 * of {@code user=}: an anonymous session log, each session a user of its own). Values are header
 * names or 1-based column numbers ({@link ColumnRef}). With any name the file has a header;
 * with numbers only, {@code header=auto} lets the reader decide (see docs/DATA.md). A time
 * spread over several columns is given as {@code time=year+month+day[+hour[+minute[+second]]]}
 * ({@link #timeParts()}). Items files ({@code --item-columns}) take, besides {@code id}, {@code title},
 * {@code genres} and {@code year}, any number of catalogue attributes {@code NAME=COLUMN[:KIND]}
 * ({@link #attributes()}; KIND is {@code category} (the default), {@code list} followed by its
 * separator ({@code list} alone: {@code |}), {@code number} or {@code text}). Immutable.
 *
 * @param columns the column of each role (for a time in parts: its year column under {@code time})
 * @param header whether line 1 is a header
 * @param timeParts the year, month, day[, hour[, minute[, second]]] columns of a time in parts, in
 *     that order; empty for a time in one column (or none)
 * @param attributes the catalogue attributes of an items file, in the order given (their columns
 *     are in {@code columns} under their names); empty otherwise
 */
public record ColumnSpec(Map<String, ColumnRef> columns, Header header, List<ColumnRef> timeParts,
        List<Catalog.Attribute> attributes) {
    /** Whether line 1 is a header. */
    public enum Header { AUTO, YES, NO }

    /** Roles of {@code --columns}: user and item are required. */
    public static final List<String> INTERACTION_ROLES = List.of("user", "item", "rating", "time", "weight", "event");
    /** Roles of {@code --item-columns}: id and title are required. */
    public static final List<String> ITEM_ROLES = List.of("id", "title", "genres", "year");
    /** Names an attribute may not take (roles, {@code header} and the built-in filter and content names). */
    public static final List<String> RESERVED_NAMES = List.of("id", "title", "genres", "genre", "year", "header", "item",
            "user", "tag", "score", "cold", "models");

    /** The names of the parts of a time in parts, in the order they are given. */
    public static final List<String> TIME_PARTS = List.of("year", "month", "day", "hour", "minute", "second");

    public ColumnSpec {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        timeParts = List.copyOf(timeParts);
        attributes = List.copyOf(attributes);
    }

    /** Columns without catalogue attributes. */
    public ColumnSpec(Map<String, ColumnRef> columns, Header header, List<ColumnRef> timeParts) {
        this(columns, header, timeParts, List.of());
    }

    /** Columns with the time (if any) in one column. */
    public ColumnSpec(Map<String, ColumnRef> columns, Header header) {
        this(columns, header, List.of());
    }

    /** The columns of a MovieLens ratings file. */
    public static ColumnSpec movieLensRatings() {
        return new ColumnSpec(Map.of("user", new ColumnRef("userId", 0), "item", new ColumnRef("movieId", 0),
                "rating", new ColumnRef("rating", 0), "time", new ColumnRef("timestamp", 0)), Header.YES);
    }

    /** Columns 1-4 as user, item, rating, time (ratings.dat, u.data), no header. */
    public static ColumnSpec positional() {
        return new ColumnSpec(Map.of("user", new ColumnRef(null, 1), "item", new ColumnRef(null, 2),
                "rating", new ColumnRef(null, 3), "time", new ColumnRef(null, 4)), Header.NO);
    }

    /** Parses {@code --columns} (roles {@link #INTERACTION_ROLES}). */
    public static ColumnSpec parseInteractions(String text) {
        return parse(text, "--columns", INTERACTION_ROLES, 2);
    }

    /** Parses {@code --item-columns} (roles {@link #ITEM_ROLES}). */
    public static ColumnSpec parseItems(String text) {
        return parse(text, "--item-columns", ITEM_ROLES, 2);
    }

    /**
     * Parses {@code key=value} pairs separated by commas; the first {@code required} roles must
     * be present; {@code header=auto|yes|no} is allowed besides the roles.
     */
    static ColumnSpec parse(String text, String flag, List<String> roles, int required) {
        Map<String, ColumnRef> map = new LinkedHashMap<>();
        List<Catalog.Attribute> attributes = new java.util.ArrayList<>();
        List<ColumnRef> timeParts = List.of();
        Header header = Header.AUTO;
        boolean headerSeen = false;
        for (String part : text.split(",", -1)) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new EmbrecException(flag + ": expected KEY=COLUMN pairs separated by commas, got '" + part.trim()
                        + "' in '" + text + "'");
            }
            String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = part.substring(eq + 1);
            if (key.equals("session") && roles == INTERACTION_ROLES) {
                // An anonymous session log: each session is a user of its own.
                if (map.containsKey("user") || text.matches("(?i)(^|.*,)\\s*user\\s*=.*")) {
                    throw new EmbrecException(flag + ": give user= or session=, not both (a user's sessions come from"
                            + " --session-gap)");
                }
                key = "user";
            }
            if (key.equals("header")) {
                if (headerSeen) {
                    throw new EmbrecException(flag + ": header= given twice");
                }
                headerSeen = true;
                header = switch (value.trim().toLowerCase(Locale.ROOT)) {
                    case "auto" -> Header.AUTO;
                    case "yes", "true" -> Header.YES;
                    case "no", "false" -> Header.NO;
                    default -> throw new EmbrecException(flag + ": header= must be auto, yes or no, got '" + value.trim() + "'");
                };
                continue;
            }
            if (!roles.contains(key) && roles == ITEM_ROLES) {
                Catalog.Attribute a = attribute(key, value, flag);
                if (map.containsKey(a.name())) {
                    throw new EmbrecException(flag + ": " + a.name() + "= given twice");
                }
                map.put(a.name(), ColumnRef.parse(value.substring(0, kindAt(value)), flag, a.name()));
                attributes.add(a);
                continue;
            }
            if (!roles.contains(key)) {
                throw new EmbrecException(flag + ": unknown key '" + key + "' (expected " + String.join(", ", roles)
                        + " or header)");
            }
            if (map.containsKey(key)) {
                throw new EmbrecException(flag + ": " + key + "= given twice");
            }
            if (key.equals("time") && value.contains("+") && roles.contains("time")) {
                timeParts = timeParts(value, flag);
                map.put(key, timeParts.get(0));
                continue;
            }
            map.put(key, ColumnRef.parse(value, flag, key));
        }
        for (String role : roles.subList(0, required)) {
            if (!map.containsKey(role)) {
                throw new EmbrecException(flag + ": missing " + role + "=NAME|NUMBER (got '" + text + "')");
            }
        }
        if (header == Header.NO && (map.values().stream().anyMatch(ColumnRef::byName) || timeParts.stream().anyMatch(ColumnRef::byName))) {
            throw new EmbrecException(flag + ": header=no but columns are given by name; use column numbers (1 = first)");
        }
        return new ColumnSpec(map, header, timeParts, attributes);
    }

    /** Where {@code :KIND} starts in {@code COLUMN[:KIND]} (the value's length when there is no kind). */
    private static int kindAt(String value) {
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            return value.length();
        }
        String kind = value.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
        boolean known = Catalog.Attribute.Kind.of(kind) != null || kind.startsWith("list");
        return known ? colon : value.length();
    }

    /** The attribute {@code NAME=COLUMN[:KIND]}. */
    private static Catalog.Attribute attribute(String name, String value, String flag) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new EmbrecException(flag + ": attribute name '" + name + "' must start with a letter and hold only"
                    + " letters, digits and _");
        }
        if (RESERVED_NAMES.contains(name)) {
            throw new EmbrecException(flag + ": '" + name + "' is reserved; name the attribute otherwise (reserved: "
                    + String.join(", ", RESERVED_NAMES) + ")");
        }
        int at = kindAt(value);
        if (at == value.length()) {
            return new Catalog.Attribute(name, Catalog.Attribute.Kind.CATEGORY, null);
        }
        String kind = value.substring(at + 1).trim();
        String lower = kind.toLowerCase(Locale.ROOT);
        if (lower.startsWith("list")) {
            String sep = kind.substring(4);
            if (sep.length() > 3 || (!sep.isEmpty() && sep.isBlank())) {
                throw new EmbrecException(flag + ": " + name + "=" + value.trim() + ": a list separator is 1 to 3 characters"
                        + " and not blank (list alone: |), got '" + sep + "'");
            }
            return new Catalog.Attribute(name, Catalog.Attribute.Kind.LIST, sep);
        }
        return new Catalog.Attribute(name, Catalog.Attribute.Kind.of(lower), null);
    }

    /** {@code year+month+day[+hour[+minute[+second]]]}: three to six columns. */
    private static List<ColumnRef> timeParts(String value, String flag) {
        String[] parts = value.split("\\+", -1);
        if (parts.length < 3 || parts.length > TIME_PARTS.size()) {
            throw new EmbrecException(flag + ": time=" + value.trim() + ": a time in parts is YEAR+MONTH+DAY, optionally"
                    + " followed by +HOUR, +MINUTE and +SECOND (3 to 6 columns), got " + parts.length);
        }
        List<ColumnRef> refs = new java.util.ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            refs.add(ColumnRef.parse(parts[i], flag, "time " + TIME_PARTS.get(i)));
        }
        return refs;
    }

    /** The time columns as given: {@code ts}, or {@code year+month+day} for a time in parts. */
    public String describeTime() {
        if (!timeParts.isEmpty()) {
            return String.join("+", timeParts.stream().map(ColumnRef::toString).toList());
        }
        ColumnRef t = columns.get("time");
        return t == null ? "" : t.toString();
    }

    private String kindSuffix(String name) {
        for (Catalog.Attribute a : attributes) {
            if (a.name().equals(name)) {
                return switch (a.kind()) {
                    case CATEGORY -> "";
                    case LIST -> ":list" + a.separator();
                    default -> ":" + a.kind().key();
                };
            }
        }
        return "";
    }

    /** The column of a role, or null when not given. */
    public ColumnRef get(String role) {
        return columns.get(role);
    }

    /** True when any column is named (the file then needs a header). */
    public boolean anyByName() {
        return columns.values().stream().anyMatch(ColumnRef::byName) || timeParts.stream().anyMatch(ColumnRef::byName);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        columns.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ",").append(k).append('=')
                .append(k.equals("time") ? describeTime() : v.toString()).append(kindSuffix(k)));
        if (header != Header.AUTO) {
            sb.append(",header=").append(header.name().toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }
}
