package uk.carecast.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A YAML job file with {@code key.sub_key=value} overrides from the command line applied on top,
 * bound to a typed record. Unknown keys are errors, so a typo never silently falls back to a default.
 */
public final class JobFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path path;
    private final ObjectNode tree;

    private JobFile(Path path, ObjectNode tree) {
        this.path = path;
        this.tree = tree;
    }

    public static JobFile read(Path path, List<String> overrides) {
        JobFile file = new JobFile(path, tree(path));
        overrides.forEach(file::override);
        return file;
    }

    /**
     * The file's mapping; a file with {@code base: other.yaml} starts from that file (relative to
     * this one) and replaces what it names, so a job can reuse another job's inputs and settings.
     */
    private static ObjectNode tree(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ConfigException("job file " + path + " does not exist");
        }
        JsonNode root;
        try {
            root = YAML.readTree(path.toFile());
        } catch (IOException e) {
            throw new ConfigException("job file " + path + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof ObjectNode object)) {
            throw new ConfigException("job file " + path + " must be a YAML mapping");
        }
        JsonNode base = object.remove("base");
        if (base == null) {
            return object;
        }
        Path basePath = path.resolveSibling(base.asText());
        ObjectNode merged = tree(basePath);
        merge(merged, object);
        return merged;
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        from.fields().forEachRemaining(entry -> {
            JsonNode existing = into.get(entry.getKey());
            if (existing instanceof ObjectNode existingObject && entry.getValue() instanceof ObjectNode value) {
                merge(existingObject, value);
            } else {
                into.set(entry.getKey(), entry.getValue());
            }
        });
    }

    /** The {@code job:} entry: which job this file defines. */
    public String jobName() {
        JsonNode job = tree.get("job");
        if (job == null || !job.isTextual()) {
            throw new ConfigException("job file " + path + " has no 'job:' entry naming the job");
        }
        return job.asText();
    }

    public <T> T bind(Class<T> type) {
        try {
            return YAML.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof ConfigException config ? config : e;
            String message = cause instanceof ConfigException ? cause.getMessage() : e.getOriginalMessage();
            throw new ConfigException("job file " + path + ": " + message, e);
        }
    }

    private void override(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("--set takes key=value, got '" + assignment + "'");
        }
        String[] keys = assignment.substring(0, eq).trim().split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < keys.length - 1; i++) {
            JsonNode child = node.get(keys[i]);
            if (!(child instanceof ObjectNode)) {
                child = node.putObject(keys[i]);
            }
            node = (ObjectNode) child;
        }
        node.set(keys[keys.length - 1], scalar(assignment.substring(eq + 1).trim()));
    }

    private static JsonNode scalar(String text) {
        try {
            JsonNode parsed = YAML.readTree(text);
            return parsed == null || parsed.isMissingNode() ? TextNode.valueOf(text) : parsed;
        } catch (IOException e) {
            return TextNode.valueOf(text);
        }
    }
}
