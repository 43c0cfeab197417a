package uk.carecast.faults;

/**
 * One corrupted input: the {@code table} whose file is replaced by {@code content} (the file's
 * bytes as written, gzipped where the sample's file is), the other inputs left as the slice has
 * them. {@code detail} says what was done, e.g. "row 7 cut after 23 of 61 characters".
 */
public record FuzzCase(int number, String kind, String table, String detail, byte[] content) {
}
