package uk.carecast.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Corrupted versions of the sample slice's files, one file per case, in the ways exports break:
 * cut short, stray or overwritten bytes, columns or header names swapped, another delimiter,
 * enormous fields, a quote never closed, empty or header-only files, a header repeated, mixed line
 * ends, a byte-order mark inside the file, rows with a field too many or too few, a damaged gzip
 * stream, UTF-16 text.
 *
 * <p>Case n has kind {@code KINDS[(n - 1) % KINDS.size()]}, so any 17 consecutive cases hold every
 * kind, and its own random numbers from the seed and n alone: case 41 is the same file whether it is
 * generated with 50 others or on its own.
 */
public final class FuzzCases {

    public static final String TRUNCATED_LINE = "truncated line";
    public static final String TRUNCATED_FILE = "truncated file";
    public static final String INSERTED_BYTES = "inserted bytes";
    public static final String OVERWRITTEN_BYTES = "overwritten bytes";
    public static final String SWAPPED_COLUMNS = "swapped columns";
    public static final String SWAPPED_HEADER = "swapped header";
    public static final String WRONG_DELIMITER = "wrong delimiter";
    public static final String HUGE_FIELD = "huge field";
    public static final String UNTERMINATED_QUOTE = "unterminated quote";
    public static final String EMPTY_FILE = "empty file";
    public static final String HEADER_ONLY = "header only";
    public static final String DUPLICATED_HEADER = "duplicated header";
    public static final String LINE_ENDINGS = "line endings";
    public static final String BOM_INSIDE = "BOM inside";
    public static final String FIELD_COUNT = "extra or missing field";
    public static final String DAMAGED_GZIP = "damaged gzip";
    public static final String UTF_16 = "UTF-16 text";

    public static final List<String> KINDS = List.of(TRUNCATED_LINE, TRUNCATED_FILE, INSERTED_BYTES, OVERWRITTEN_BYTES,
            SWAPPED_COLUMNS, SWAPPED_HEADER, WRONG_DELIMITER, HUGE_FIELD, UNTERMINATED_QUOTE, EMPTY_FILE, HEADER_ONLY,
            DUPLICATED_HEADER, LINE_ENDINGS, BOM_INSIDE, FIELD_COUNT, DAMAGED_GZIP, UTF_16);

    /** Bytes that break decoding: NUL, £ in Windows-1252, bytes UTF-8 never has, cut or overlong sequences. */
    private static final byte[][] BAD_BYTES = {
            {0x00}, {(byte) 0xA3}, {(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0x81}, {0x1A}};
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int MEGABYTE = 1 << 20;

    private final SampleSlice slice;
    private final long seed;

    public FuzzCases(SampleSlice slice, long seed) {
        this.slice = slice;
        this.seed = seed;
    }

    /** Cases 1 to {@code count}. */
    public List<FuzzCase> first(int count) {
        List<FuzzCase> cases = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            cases.add(make(n));
        }
        return cases;
    }

    public FuzzCase make(int number) {
        String kind = KINDS.get((number - 1) % KINDS.size());
        Random random = new Random(seed * 1_000_003L + number);
        List<String> tables = kind.equals(DAMAGED_GZIP)
                ? SampleSlice.TABLES.stream().filter(SampleSlice::gzipped).toList() : SampleSlice.TABLES;
        String table = tables.get(random.nextInt(tables.size()));
        return corrupt(number, kind, table, random);
    }

    /** Case {@code number} of {@code kind} on {@code table}, drawing its choices from {@code random}. */
    public FuzzCase corrupt(int number, String kind, String table, Random random) {
        Text text = new Text(new ArrayList<>(slice.of(table)));
        return switch (kind) {
            case TRUNCATED_LINE -> truncatedLine(number, table, text, random);
            case TRUNCATED_FILE -> truncatedFile(number, table, text, random);
            case INSERTED_BYTES -> insertedBytes(number, table, text, random);
            case OVERWRITTEN_BYTES -> overwrittenBytes(number, table, text, random);
            case SWAPPED_COLUMNS -> swappedColumns(number, table, text, random);
            case SWAPPED_HEADER -> swappedHeader(number, table, text, random);
            case WRONG_DELIMITER -> wrongDelimiter(number, table, text, random);
            case HUGE_FIELD -> hugeField(number, table, text, random);
            case UNTERMINATED_QUOTE -> unterminatedQuote(number, table, text, random);
            case EMPTY_FILE -> emptyFile(number, table, random);
            case HEADER_ONLY -> headerOnly(number, table, text, random);
            case DUPLICATED_HEADER -> duplicatedHeader(number, table, text, random);
            case LINE_ENDINGS -> lineEndings(number, table, text, random);
            case BOM_INSIDE -> bomInside(number, table, text, random);
            case FIELD_COUNT -> fieldCount(number, table, text, random);
            case DAMAGED_GZIP -> damagedGzip(number, table, text, random);
            case UTF_16 -> utf16(number, table, text, random);
            default -> throw new IllegalArgumentException("no fuzz kind '" + kind + "'; the kinds are " + KINDS);
        };
    }

    /** The slice's own file of {@code table}, as ingest gets it when another file is the corrupted one. */
    public byte[] clean(String table) {
        return file(table, new Text(new ArrayList<>(slice.of(table))).bytes());
    }

    private FuzzCase truncatedLine(int n, String table, Text text, Random r) {
        int row = text.randomRow(r);
        String line = text.line(row);
        int keep = 1 + r.nextInt(line.length() - 1);
        text.set(row, line.substring(0, keep));
        return made(n, TRUNCATED_LINE, table, "row " + (row + 1) + " cut after " + keep + " of " + line.length()
                + " characters", text.bytes());
    }

    private FuzzCase truncatedFile(int n, String table, Text text, Random r) {
        int row = text.randomRow(r);
        String line = text.line(row);
        int keep = 1 + r.nextInt(line.length() - 1);
        List<String> kept = new ArrayList<>(text.lines.subList(0, row));
        kept.add(line.substring(0, keep));
        // No line end after the cut: the file stops in the middle of the row.
        byte[] bytes = String.join("\n", kept).getBytes(StandardCharsets.UTF_8);
        return made(n, TRUNCATED_FILE, table, "file ends in row " + (row + 1) + " after " + keep + " of "
                + line.length() + " characters", bytes);
    }

    private FuzzCase insertedBytes(int n, String table, Text text, Random r) {
        byte[] bytes = text.bytes();
        int headerEnd = text.line(0).length() + 1;
        List<String> done = new ArrayList<>();
        for (int i = 0, times = 1 + r.nextInt(4); i < times; i++) {
            byte[] bad = BAD_BYTES[r.nextInt(BAD_BYTES.length)];
            int at = headerEnd + r.nextInt(bytes.length - headerEnd);
            bytes = concat(Arrays.copyOfRange(bytes, 0, at), bad, Arrays.copyOfRange(bytes, at, bytes.length));
            done.add(HexFormat.of().formatHex(bad) + " at byte " + at);
        }
        return made(n, INSERTED_BYTES, table, String.join(", ", done), bytes);
    }

    private FuzzCase overwrittenBytes(int n, String table, Text text, Random r) {
        byte[] bytes = text.bytes();
        List<String> done = new ArrayList<>();
        for (int i = 0, times = 1 + r.nextInt(6); i < times; i++) {
            // Any byte at all, the header's too: a line end or a comma moves fields, a letter breaks a name.
            byte bad = r.nextBoolean() ? BAD_BYTES[r.nextInt(BAD_BYTES.length)][0] : (byte) r.nextInt(256);
            int at = r.nextInt(bytes.length);
            bytes[at] = bad;
            done.add(String.format("%02x at byte %d", bad, at));
        }
        return made(n, OVERWRITTEN_BYTES, table, String.join(", ", done), bytes);
    }

    private FuzzCase swappedColumns(int n, String table, Text text, Random r) {
        int columns = Csv.fields(text.line(0)).size();
        int a = r.nextInt(columns);
        int b = (a + 1 + r.nextInt(columns - 1)) % columns;
        boolean everyRow = r.nextInt(3) > 0;
        int only = text.randomRow(r);
        for (int row = 1; row < text.lines.size(); row++) {
            if (everyRow || row == only) {
                text.set(row, Csv.swap(text.line(row), a, b));
            }
        }
        List<String> names = Csv.fields(text.line(0));
        return made(n, SWAPPED_COLUMNS, table, "values of " + names.get(a) + " and " + names.get(b) + " swapped "
                + (everyRow ? "in every row" : "in row " + (only + 1)) + ", header kept", text.bytes());
    }

    private FuzzCase swappedHeader(int n, String table, Text text, Random r) {
        List<String> names = Csv.fields(text.line(0));
        int a = r.nextInt(names.size());
        int b = (a + 1 + r.nextInt(names.size() - 1)) % names.size();
        text.set(0, Csv.swap(text.line(0), a, b));
        return made(n, SWAPPED_HEADER, table, "header names " + names.get(a) + " and " + names.get(b)
                + " swapped, values kept", text.bytes());
    }

    private FuzzCase wrongDelimiter(int n, String table, Text text, Random r) {
        char delimiter = ";\t|".charAt(r.nextInt(3));
        boolean header = r.nextInt(3) > 0;
        for (int row = header ? 0 : 1; row < text.lines.size(); row++) {
            text.set(row, Csv.join(Csv.fields(text.line(row)), delimiter));
        }
        String name = delimiter == '\t' ? "tab" : delimiter == ';' ? "semicolon" : "pipe";
        return made(n, WRONG_DELIMITER, table, name + (header ? " throughout" : " in the data rows, comma header"),
                text.bytes());
    }

    private FuzzCase hugeField(int n, String table, Text text, Random r) {
        int row = r.nextInt(5) == 0 ? 0 : text.randomRow(r);
        List<String> fields = Csv.fields(text.line(row));
        int column = r.nextInt(fields.size());
        String what;
        String value;
        switch (r.nextInt(4)) {
            case 0 -> {
                value = letters(r, MEGABYTE);
                what = "1 MB of letters";
            }
            case 1 -> {
                value = digits(r, 100_000);
                what = "a 100,000-digit number";
            }
            case 2 -> {
                // A quoted field holding the delimiter and line breaks, as a pasted case note would.
                value = "\"" + letters(r, MEGABYTE).replace("q", ",").replace("z", "\n") + "\"";
                what = "a 1 MB quoted field with commas and line breaks";
            }
            default -> {
                value = letters(r, 24 * MEGABYTE);
                what = "24 MB of letters";
            }
        }
        fields.set(column, value);
        text.set(row, String.join(",", fields));
        return made(n, HUGE_FIELD, table, what + " in row " + (row + 1) + ", field " + (column + 1), text.bytes());
    }

    private FuzzCase unterminatedQuote(int n, String table, Text text, Random r) {
        int row = text.randomRow(r);
        List<String> fields = Csv.fields(text.line(row));
        int column = r.nextInt(fields.size());
        String detail;
        if (r.nextBoolean() || row == text.lines.size() - 1) {
            fields.set(column, "\"" + fields.get(column));
            detail = "a quote opens field " + (column + 1) + " of row " + (row + 1) + " and is never closed";
        } else {
            // A second stray quote further down closes it: the rows between become one field.
            int closing = row + 1 + r.nextInt(text.lines.size() - row - 1);
            List<String> later = Csv.fields(text.line(closing));
            later.set(0, later.get(0) + "\"");
            text.set(closing, String.join(",", later));
            fields.set(column, "\"" + fields.get(column));
            detail = "a quote opens field " + (column + 1) + " of row " + (row + 1) + " and one in row "
                    + (closing + 1) + " closes it";
        }
        text.set(row, String.join(",", fields));
        return made(n, UNTERMINATED_QUOTE, table, detail, text.bytes());
    }

    private FuzzCase emptyFile(int n, String table, Random r) {
        String[] empties = {"", "\n", "\r\n\r\n", "   \n\t\n"};
        int pick = r.nextInt(empties.length);
        return made(n, EMPTY_FILE, table, pick == 0 ? "no bytes" : "only blank lines",
                empties[pick].getBytes(StandardCharsets.UTF_8));
    }

    private FuzzCase headerOnly(int n, String table, Text text, Random r) {
        String[] endings = {"", "\n", "\r\n", "\n\n\n"};
        int pick = r.nextInt(endings.length);
        return made(n, HEADER_ONLY, table, pick == 0 ? "header without a line end" : "header and line ends",
                (text.line(0) + endings[pick]).getBytes(StandardCharsets.UTF_8));
    }

    private FuzzCase duplicatedHeader(int n, String table, Text text, Random r) {
        List<String> rows = new ArrayList<>();
        for (int i = 0, times = 1 + r.nextInt(2); i < times; i++) {
            int at = 1 + r.nextInt(text.lines.size() - 1);
            text.lines.add(at, text.line(0));
            rows.add(String.valueOf(at + 1));
        }
        return made(n, DUPLICATED_HEADER, table, "the header again as row " + String.join(" and ", rows), text.bytes());
    }

    private FuzzCase lineEndings(int n, String table, Text text, Random r) {
        StringBuilder out = new StringBuilder();
        int style = r.nextInt(4);
        int stray = text.randomRow(r);
        for (int row = 0; row < text.lines.size(); row++) {
            String line = text.line(row);
            if (style == 3 && row == stray) {
                // A carriage return inside a row, as a note edited on a Mac leaves: it ends the line there.
                int at = 1 + r.nextInt(line.length() - 1);
                line = line.substring(0, at) + "\r" + line.substring(at);
            }
            out.append(line).append(switch (style) {
                case 0 -> "\r\n";
                case 1 -> "\r";
                default -> new String[] {"\n", "\r\n", "\r"}[r.nextInt(3)];
            });
        }
        String[] names = {"CRLF throughout", "CR only", "LF, CRLF and CR mixed", "a carriage return inside row "
                + (stray + 1) + ", mixed line ends"};
        return made(n, LINE_ENDINGS, table, names[style], out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private FuzzCase bomInside(int n, String table, Text text, Random r) {
        int row = text.randomRow(r);
        String line = text.line(row);
        String bom = "\uFEFF";
        String detail;
        switch (r.nextInt(3)) {
            case 0 -> {
                text.set(row, bom + line);
                detail = "a BOM at the start of row " + (row + 1);
            }
            case 1 -> {
                int at = r.nextInt(line.length());
                text.set(row, line.substring(0, at) + bom + line.substring(at));
                detail = "a BOM at character " + (at + 1) + " of row " + (row + 1);
            }
            default -> {
                // Two files concatenated, each with its own BOM.
                text.set(row, bom + text.line(0));
                detail = "a BOM and the header again as row " + (row + 1);
            }
        }
        return made(n, BOM_INSIDE, table, detail, concat(r.nextBoolean() ? UTF8_BOM : new byte[0], text.bytes()));
    }

    private FuzzCase fieldCount(int n, String table, Text text, Random r) {
        List<String> done = new ArrayList<>();
        for (int i = 0, times = 1 + r.nextInt(3); i < times; i++) {
            int row = text.randomRow(r);
            List<String> fields = Csv.fields(text.line(row));
            if (r.nextBoolean()) {
                fields.add(r.nextBoolean() ? "" : "extra");
                done.add("a field too many in row " + (row + 1));
            } else {
                fields.remove(r.nextInt(fields.size()));
                done.add("a field missing from row " + (row + 1));
            }
            text.set(row, String.join(",", fields));
        }
        return made(n, FIELD_COUNT, table, String.join(", ", done), text.bytes());
    }

    private FuzzCase damagedGzip(int n, String table, Text text, Random r) {
        byte[] gz = gzip(text.bytes());
        return switch (r.nextInt(4)) {
            case 0 -> {
                int keep = 10 + r.nextInt(gz.length - 10);
                yield made(n, DAMAGED_GZIP, table, "compressed stream cut after " + keep + " of " + gz.length + " bytes",
                        Arrays.copyOf(gz, keep));
            }
            case 1 -> {
                // Past the 10-byte header and before the 8-byte trailer: the deflate data or its checksum fails.
                int at = 10 + r.nextInt(gz.length - 18);
                gz[at] ^= (byte) (1 + r.nextInt(255));
                yield made(n, DAMAGED_GZIP, table, "byte " + at + " of " + gz.length + " compressed bytes changed", gz);
            }
            case 2 -> made(n, DAMAGED_GZIP, table, "plain text under a .gz name", text.bytes());
            default -> made(n, DAMAGED_GZIP, table, "a .gz file of no bytes", new byte[0]);
        };
    }

    private FuzzCase utf16(int n, String table, Text text, Random r) {
        boolean little = r.nextBoolean();
        String body = "\uFEFF" + String.join("\r\n", text.lines) + "\r\n";
        byte[] bytes = body.getBytes(little ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
        return made(n, UTF_16, table, little ? "UTF-16LE with a BOM" : "UTF-16BE with a BOM", bytes);
    }

    /** A case whose bytes are CSV text, gzipped when the table's file is (a damaged gzip is already its file). */
    private static FuzzCase made(int n, String kind, String table, String detail, byte[] csv) {
        return new FuzzCase(n, kind, table, detail, kind.equals(DAMAGED_GZIP) ? csv : file(table, csv));
    }

    private static byte[] file(String table, byte[] csv) {
        return SampleSlice.gzipped(table) ? gzip(csv) : csv;
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String letters(Random r, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) ('a' + r.nextInt(26));
        }
        return new String(chars);
    }

    private static String digits(Random r, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) ('0' + (i == 0 ? 1 + r.nextInt(9) : r.nextInt(10)));
        }
        return new String(chars);
    }

    /** A file's lines, header first, LF line ends; rows are 0-based here and 1-based (header = 1) in details. */
    private record Text(List<String> lines) {

        String line(int row) {
            return lines.get(row);
        }

        void set(int row, String line) {
            lines.set(row, line);
        }

        /** A data row (not the header). */
        int randomRow(Random r) {
            return 1 + r.nextInt(lines.size() - 1);
        }

        byte[] bytes() {
            return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Fields of the sample's own lines: quoted fields hold commas but never quotes or line breaks. */
    static final class Csv {

        private Csv() {
        }

        static List<String> fields(String line) {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (char c : line.toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                }
                if (c == ',' && !quoted) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            return fields;
        }

        static String swap(String line, int a, int b) {
            List<String> fields = fields(line);
            String first = fields.get(a);
            fields.set(a, fields.get(b));
            fields.set(b, first);
            return String.join(",", fields);
        }

        static String join(List<String> fields, char delimiter) {
            return String.join(String.valueOf(delimiter), fields);
        }
    }
}
