package uk.carecast.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/**
 * Reads a CSV export as a case-management system writes it and rewrites the contract's columns
 * as JSON lines, one record a line, with its spreadsheet row number. It accepts a UTF-8 byte-order
 * mark, Windows-1252 text (detected when the file is not valid UTF-8), CRLF or LF line ends,
 * quoted fields holding commas, quotes ("") and line breaks, and blank lines. A line break is read,
 * but the validator rejects it in a contract column: there it is the sign of a quote left open.
 *
 * <p>The row number is the one a spreadsheet shows: the header is row 1, each record after it one
 * row, a quoted line break staying inside its row, a blank line a row of its own. This pass is a
 * single stream on the driver, so rows keep their order and numbers; columns outside the contract
 * (names, NHS numbers, postcodes) are read past and never written.
 */
public final class CsvExport {

    public static final String ROW = "_row";
    public static final String FIELD_COUNT = "_fields";
    /** The contract column whose value was too long to read, and its length; absent on other rows. */
    public static final String TOO_LONG = "_too_long";
    public static final String TOO_LONG_CHARS = "_too_long_chars";
    /**
     * The lines of the file a record spans ("5 to 9"), when more than one: a quoted line break is allowed,
     * but a stray quote joins the rows up to the next quote into one record, and the rejects say so.
     */
    public static final String LINES = "_lines";
    /**
     * The longest value of a contract column that is read. Ids, dates, numbers, categories and a budget
     * line's description are short; a million characters is a broken export (a quote never closed, a
     * pasted document), and Spark's JSON reader turns a value over 20 million into a row of nulls.
     */
    public static final int MAX_FIELD = 1_000_000;
    public static final String DETECT = "detect";

    /** What the read found: the encoding used, the header's unknown columns, and how many records it wrote. */
    public record Summary(String encoding, List<String> unknownColumns, long records, int headerFields) {
    }

    private CsvExport() {
    }

    /**
     * Rewrites {@code file} as JSON lines at {@code jsonLines}; person identifiers are pseudonymised
     * as they pass, so the scratch file never holds a raw one.
     */
    public static Summary rewrite(Configuration hadoop, String file, InputContract contract, String encoding,
            String jsonLines, Pseudonymiser pseudonymiser) throws IOException {
        Charset charset = charset(hadoop, file, contract, encoding);
        Path out = new Path(jsonLines);
        try (Reader reader = new BufferedReader(new InputStreamReader(open(hadoop, file), charset), 1 << 16);
             OutputStream stream = out.getFileSystem(hadoop).create(out, true);
             JsonGenerator json = new JsonFactory().createGenerator(stream)) {
            json.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
            RecordReader records = new RecordReader(reader);
            List<String> header = records.next();
            if (header == null) {
                throw new InputException(contract.table() + " file " + file + ": the file is empty (no header row)");
            }
            Map<String, Integer> position = new HashMap<>();
            List<String> unknown = new ArrayList<>();
            Set<String> wanted = Set.copyOf(contract.names());
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
                if (wanted.contains(name)) {
                    position.putIfAbsent(name, i);
                } else if (!name.isEmpty()) {
                    unknown.add(name);
                }
            }
            List<String> missing = contract.names().stream().filter(c -> !position.containsKey(c)).toList();
            if (!missing.isEmpty() && header.stream().anyMatch(name -> name.indexOf('\0') >= 0)) {
                // UTF-16 text of ASCII letters is valid UTF-8 byte for byte, with a NUL beside every letter.
                throw new InputException(String.format("%s file %s: the header has NUL bytes between its letters, so the "
                        + "file looks like UTF-16 text; save it as UTF-8 (CSV UTF-8 in Excel), or set "
                        + "input_options.%s.encoding=UTF-16", contract.table(), file, contract.table()));
            }
            if (!missing.isEmpty()) {
                // The first line is not echoed: in a file without a header it is a person's record.
                throw new InputException(String.format("%s file %s: required column%s %s missing from the header "
                        + "(the first line, %d fields)", contract.table(), file, missing.size() > 1 ? "s" : "",
                        String.join(", ", missing), header.size()));
            }
            long written = 0;
            long row = 1;
            for (List<String> record = next(records, contract, file, row); record != null;
                    record = next(records, contract, file, row)) {
                row++;
                if (record.stream().allMatch(String::isBlank)) {
                    continue;
                }
                json.writeStartObject();
                json.writeNumberField(ROW, row);
                json.writeNumberField(FIELD_COUNT, record.size());
                if (records.lastLine() > records.firstLine()) {
                    json.writeStringField(LINES, records.firstLine() + " to " + records.lastLine());
                }
                String tooLong = null;
                for (String column : contract.names()) {
                    int at = position.get(column);
                    // A byte-order mark inside a value (files pasted together) is never data: "\uFEFFAdults" is "Adults".
                    String value = at < record.size() ? record.get(at).replace("\uFEFF", "") : null;
                    if (value != null && value.length() > MAX_FIELD) {
                        // Not written: the row is rejected for its length alone, and a value that long is not data.
                        if (tooLong == null) {
                            tooLong = column;
                            json.writeStringField(TOO_LONG, column);
                            json.writeNumberField(TOO_LONG_CHARS, value.length());
                        }
                        continue;
                    }
                    if (value != null && column.equals(Columns.PERSON_ID) && !value.isBlank()) {
                        value = pseudonymiser.pseudonymise(value.trim());
                    }
                    json.writeStringField(column, value);
                }
                json.writeEndObject();
                written++;
            }
            return new Summary(charset.name(), List.copyOf(unknown), written, header.size());
        }
    }

    /**
     * The record after row {@code row}. A compressed file whose stream is cut short or damaged fails
     * here, naming the last row read whole: what follows it cannot be known, so no row of it is used.
     */
    private static List<String> next(RecordReader records, InputContract contract, String file, long row)
            throws IOException {
        try {
            return records.next();
        } catch (CharacterCodingException e) {
            throw e;
        } catch (IOException e) {
            if (!compressed(file)) {
                throw e;
            }
            throw damaged(contract, file, " past row " + row, e);
        }
    }

    private static Charset charset(Configuration hadoop, String file, InputContract contract, String option)
            throws IOException {
        if (option != null && !option.equalsIgnoreCase(DETECT)) {
            return Charset.forName(option);
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        long lines = 0;
        try (Reader reader = new InputStreamReader(open(hadoop, file), strict)) {
            char[] buffer = new char[1 << 16];
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                // Reading to the end is the check: a byte sequence that is not UTF-8 throws.
                for (int i = 0; i < n; i++) {
                    lines += buffer[i] == '\n' ? 1 : 0;
                }
            }
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("windows-1252");
        } catch (IOException e) {
            if (!compressed(file)) {
                throw e;
            }
            throw damaged(contract, file, lines == 0 ? "" : " past line " + lines, e);
        }
    }

    private static boolean compressed(String file) {
        return new CompressionCodecFactory(new Configuration(false)).getCodec(new Path(file)) != null;
    }

    private static InputException damaged(InputContract contract, String file, String where, IOException e) {
        String reason = e.getMessage() == null || e.getMessage().isBlank() ? "the stream ends early" : e.getMessage();
        return new InputException(String.format("%s file %s: the compressed file cannot be read%s (%s): "
                + "damaged or not compressed as its name says; nothing was read from it", contract.table(), file,
                where, reason.lines().findFirst().orElse("").strip()));
    }

    private static InputStream open(Configuration hadoop, String file) throws IOException {
        Path path = new Path(file);
        FileSystem fs = path.getFileSystem(hadoop);
        if (!fs.exists(path)) {
            throw new InputException("input file " + file + " does not exist");
        }
        CompressionCodec codec = new CompressionCodecFactory(hadoop).getCodec(path);
        InputStream raw = fs.open(path);
        return codec == null ? raw : codec.createInputStream(raw);
    }

    /** RFC 4180 records: fields split on commas, "" inside quotes is a quote, line breaks inside quotes kept. */
    static final class RecordReader {
        private final Reader in;
        private int pending = -2;
        private long lineBreaks;
        private long firstLine;
        private long lastLine;

        RecordReader(Reader in) {
            this.in = in;
        }

        /** The line of the file the last record starts on. */
        long firstLine() {
            return firstLine;
        }

        /** The line it ends on: later than its first when a quoted field holds a line break. */
        long lastLine() {
            return lastLine;
        }

        List<String> next() throws IOException {
            int c = read();
            if (c < 0) {
                return null;
            }
            firstLine = lineBreaks + 1;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            while (true) {
                if (quoted) {
                    if (c < 0) {
                        break;
                    }
                    if (c == '"') {
                        int n = read();
                        if (n == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            c = n;
                            continue;
                        }
                    } else {
                        lineBreaks += c == '\n' ? 1 : 0;
                        field.append((char) c);
                    }
                } else if (c < 0 || c == '\n') {
                    break;
                } else if (c == '\r') {
                    int n = read();
                    if (n != '\n') {
                        unread(n);
                    }
                    break;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '"' && field.toString().isBlank()) {
                    field.setLength(0);
                    quoted = true;
                } else {
                    field.append((char) c);
                }
                c = read();
            }
            fields.add(field.toString());
            lastLine = lineBreaks + 1;
            lineBreaks += c < 0 ? 0 : 1;
            return fields;
        }

        private int read() throws IOException {
            if (pending != -2) {
                int c = pending;
                pending = -2;
                return c;
            }
            return in.read();
        }

        private void unread(int c) {
            pending = c;
        }
    }
}
