package uk.carecast.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The arguments the commands over output folders share: the folders, columns left out with
 * {@code --ignore COLUMN}, and at most one of the command's own flags ({@code flag}, else null).
 */
record FolderArguments(List<String> folders, Set<String> ignored, String flag) {

    static FolderArguments parse(List<String> args, int folderCount, Set<String> flags, String usage) {
        List<String> folders = new ArrayList<>();
        Set<String> ignored = new LinkedHashSet<>();
        String flag = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--ignore") && i + 1 < args.size()) {
                ignored.add(args.get(++i));
            } else if (flags.contains(a) && flag == null) {
                flag = a;
            } else if (!a.startsWith("--")) {
                folders.add(a);
            } else {
                throw new QueryException("unexpected argument '" + a + "'; " + usage);
            }
        }
        if (folders.size() != folderCount) {
            throw new QueryException(usage);
        }
        return new FolderArguments(List.copyOf(folders), Set.copyOf(ignored), flag);
    }
}
