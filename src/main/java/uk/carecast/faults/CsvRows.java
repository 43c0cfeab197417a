package uk.carecast.faults;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;

/**
 * Counts the rows of a CSV file the way the data contract defines them, independently of the
 * ingest code, so a fuzz case can check that ingest read every row there is.
 *
 * <p>The rule: the text is UTF-8, or Windows-1252 when it is not valid UTF-8; a record ends at LF,
 * CR or CRLF outside quotes, or at the end of the file; a quote opens a quoted field only as the
 * first character of a field that is otherwise blank so far, and inside it {@code ""} is a quote
 * and line breaks are kept; a file ending inside quotes ends its last record there. The first
 * record is the header. Every later record with a non-blank field is a row; a record of blank
 * fields (a blank line, {@code ,,,}) holds nothing and is not. So a truncated file's last, partial
 * line is a row; a quote never closed makes the rest of the file part of its row.
 */
public final class CsvRows {

    private CsvRows() {
    }

    /** The file's rows, or empty when it has no header (no record at all) or cannot be decompressed. */
    public static OptionalLong count(byte[] file, boolean gzipped) {
        byte[] bytes;
        try {
            bytes = gzipped ? gunzip(file) : file;
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        String text = decode(bytes);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        long rows = 0;
        int records = 0;
        int i = 0;
        while (i < text.length()) {
            boolean content = false;
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean ended = false;
            while (i < text.length() && !ended) {
                char c = text.charAt(i++);
                if (quoted) {
                    if (c == '"' && i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
                        i++;
                    }
                    ended = true;
                } else if (c == ',') {
                    content |= !field.toString().isBlank();
                    field.setLength(0);
                } else if (c == '"' && field.toString().isBlank()) {
                    field.setLength(0);
                    quoted = true;
                } else {
                    field.append(c);
                }
            }
            content |= !field.toString().isBlank();
            if (records++ > 0 && content) {
                rows++;
            }
        }
        return OptionalLong.of(rows);
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    private static byte[] gunzip(byte[] file) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(file))) {
            return in.readAllBytes();
        }
    }
}
