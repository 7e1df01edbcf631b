package cn.chifeng.title.printform;

import java.util.List;

/**
 * A form with its values, as the template lays it out: what the PDF draws, and what a staff page shows as HTML
 * (one layout for paper and screen).
 */
public record FilledForm(String title, String holder, String subtitle, String note, List<Block> blocks) {

    /** A section of the form. */
    public sealed interface Block permits Grid, Table {
        String heading();
    }

    /** Label–value pairs. */
    public record Grid(String heading, List<Pair> pairs) implements Block {
    }

    public record Pair(String label, String value) {
    }

    /** A table: its column labels, relative widths and rows of values. */
    public record Table(String heading, List<String> header, float[] widths, List<List<String>> rows) implements Block {
    }
}
