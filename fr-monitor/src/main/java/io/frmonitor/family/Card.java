package io.frmonitor.family;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A family's card on the dashboard. A {@link Layout#GENERIC generic} card is drawn from this
 * description alone — tiles of single values and one table — with values picked from the family's
 * REST body by dotted paths of its JSON names; a {@link Layout#CUSTOM custom} card has a renderer
 * of the family's name in the dashboard's script. Either way the card shows the family's title,
 * greys out when stale, and says so when its collector is switched off.
 *
 * @param notes where in the body the card finds notes to show under its title: a text, or an object
 *     of texts by name (such as {@code unobservable}: why a value is unknown)
 */
public record Card(Layout layout, List<Tile> tiles, Optional<Table> table, List<String> notes) {
  public Card {
    tiles = List.copyOf(tiles);
    notes = List.copyOf(notes);
  }

  /** How the card is drawn. */
  public enum Layout {
    GENERIC,
    CUSTOM;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How a value is shown; every format shows a missing value as "—", never 0. */
  public enum Format {
    TEXT,
    INTEGER,
    NUMBER,
    PERCENT,
    BYTES,
    BYTES_PER_SECOND,
    SECONDS,
    TIME,
    /** A word such as up/down/ok, coloured by its meaning. */
    STATUS,
    YES_NO;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One value: a label and where the value is in the body. */
  public record Tile(String label, String path, Format format) {}

  /**
   * One table: one row per element of the array at {@code rows}, one cell per column.
   *
   * @param empty what the card says when there are no rows
   */
  public record Table(String rows, List<Column> columns, String empty) {
    public Table {
      columns = List.copyOf(columns);
    }
  }

  /** A column: its heading and where its value is in a row. */
  public record Column(String label, String path, Format format) {}

  /** A card drawn by the dashboard's own renderer of the family's name. */
  public static Card custom() {
    return new Card(Layout.CUSTOM, List.of(), Optional.empty(), List.of());
  }

  /** Starts a card drawn from its description. */
  public static Builder generic() {
    return new Builder();
  }

  public static Column column(String label, String path, Format format) {
    return new Column(label, path, format);
  }

  /** Builds a generic card. */
  public static final class Builder {
    private final List<Tile> tiles = new ArrayList<>();
    private Optional<Table> table = Optional.empty();
    private final List<String> notes = new ArrayList<>();

    private Builder() {}

    public Builder tile(String label, String path, Format format) {
      tiles.add(new Tile(label, path, format));
      return this;
    }

    public Builder table(String rows, String empty, Column... columns) {
      table = Optional.of(new Table(rows, List.of(columns), empty));
      return this;
    }

    /** Shows the text, or the texts by name, at each of these paths of the body under the title. */
    public Builder notes(String... paths) {
      notes.addAll(List.of(paths));
      return this;
    }

    public Card build() {
      return new Card(Layout.GENERIC, tiles, table, notes);
    }
  }
}
