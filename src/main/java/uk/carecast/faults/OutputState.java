package uk.carecast.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What readers of an output folder see: the run {@code current} points to and every file under it
 * with its size. Two states are equal when a failed run left the published tables as they were.
 */
record OutputState(String current, Map<String, Long> files) {

    static OutputState of(Path output) {
        Path link = output.resolve("current");
        if (!Files.isSymbolicLink(link)) {
            return new OutputState("(none)", Map.of());
        }
        try (Stream<Path> walk = Files.walk(link.toRealPath())) {
            Path run = link.toRealPath();
            Map<String, Long> files = walk.filter(Files::isRegularFile).collect(Collectors.toMap(
                    p -> run.relativize(p).toString(), OutputState::size, (a, b) -> a, TreeMap::new));
            return new OutputState(Files.readSymbolicLink(link).toString(), files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the outputs under " + output, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "current -> " + current + ", " + files.size() + " files";
    }
}
