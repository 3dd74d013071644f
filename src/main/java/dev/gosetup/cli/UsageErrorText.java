package dev.gosetup.cli;

import dev.gosetup.i18n.Messages;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * picocli's own complaints about a command line ("Unknown option", "Missing required parameter") are English
 * prose; these are the same facts from the bundles. A ParameterException the commands throw themselves already
 * carries words in the user's language and is shown as it is.
 */
final class UsageErrorText {
    private UsageErrorText() {}

    static String of(CommandLine.ParameterException ex, Messages messages) {
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
            String args = String.join(" ", unmatched.getUnmatched());
            return messages.get(unmatched.isUnknownOption() ? "cli.usage.unknownOption" : "cli.usage.unmatched", args);
        }
        if (ex instanceof CommandLine.MissingParameterException missing) {
            String names = missing.getMissing().stream().map(UsageErrorText::name).collect(Collectors.joining(", "));
            boolean optionValue = missing.getMissing().stream().allMatch(ArgSpec::isOption)
                    && ex.getMessage() != null && ex.getMessage().startsWith("Missing required parameter for option");
            return messages.get(optionValue ? "cli.usage.missingValue" : "cli.usage.missing", names);
        }
        if (ex instanceof CommandLine.OverwrittenOptionException overwritten) {
            return messages.get("cli.usage.twice", name(overwritten.getOverwritten()));
        }
        if (ex instanceof CommandLine.MutuallyExclusiveArgsException) {
            return messages.get("cli.usage.exclusive", optionsNamedIn(ex.getMessage()));
        }
        if (ex instanceof CommandLine.MaxValuesExceededException) {
            return messages.get("cli.usage.tooMany", optionsNamedIn(ex.getMessage()));
        }
        if (ex.getArgSpec() != null && ex.getValue() != null && String.valueOf(ex.getMessage()).startsWith("Invalid value for")) {
            return messages.get("cli.usage.invalidValue", name(ex.getArgSpec()), ex.getValue());
        }
        return ex.getMessage();
    }

    /** The options picocli's English sentence names (--print, --diff), which its exception keeps no list of. */
    private static String optionsNamedIn(String message) {
        String names = java.util.regex.Pattern.compile("--?[A-Za-z][A-Za-z0-9-]*").matcher(String.valueOf(message)).results()
                .map(java.util.regex.MatchResult::group).distinct().collect(Collectors.joining(", "));
        return names.isEmpty() ? String.valueOf(message) : names;
    }

    /** --long-name for an option, the label (VERSION) for a positional parameter. */
    private static String name(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            return option.longestName();
        }
        return arg instanceof PositionalParamSpec p ? p.paramLabel() : String.valueOf(arg);
    }
}
