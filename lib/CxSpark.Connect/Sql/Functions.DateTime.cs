namespace CxSpark.Connect.Sql;

/// <summary>Date and time functions.</summary>
public static partial class Functions
{
    /// <summary>Today's date in the session time zone.</summary>
    public static Column CurrentDate() => Fn("current_date");

    /// <summary>The current instant.</summary>
    public static Column CurrentTimestamp() => Fn("current_timestamp");

    /// <summary>The date a number of days later.</summary>
    public static Column DateAdd(Column date, int days) => Fn("date_add", date, days);

    /// <summary>The date a number of days later.</summary>
    public static Column DateAdd(Column date, Column days) => Fn("date_add", date, days);

    /// <summary>The date a number of days earlier.</summary>
    public static Column DateSub(Column date, int days) => Fn("date_sub", date, days);

    /// <summary>The number of days from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public static Column DateDiff(Column end, Column start) => Fn("datediff", end, start);

    /// <summary>The date a number of months later.</summary>
    public static Column AddMonths(Column date, int months) => Fn("add_months", date, months);

    /// <summary>The number of months between two dates.</summary>
    public static Column MonthsBetween(Column end, Column start) => Fn("months_between", end, start);

    /// <summary>The value converted to a date.</summary>
    public static Column ToDate(Column column) => Fn("to_date", column);

    /// <summary>A string parsed to a date with a datetime pattern.</summary>
    public static Column ToDate(Column column, string format) => Fn("to_date", column, format);

    /// <summary>The value converted to a timestamp.</summary>
    public static Column ToTimestamp(Column column) => Fn("to_timestamp", column);

    /// <summary>A string parsed to a timestamp with a datetime pattern.</summary>
    public static Column ToTimestamp(Column column, string format) => Fn("to_timestamp", column, format);

    /// <summary>A string parsed to a timestamp, or null when it does not parse.</summary>
    public static Column TryToTimestamp(Column column, string format) => Fn("try_to_timestamp", column, format);

    /// <summary>A date or timestamp formatted with a datetime pattern.</summary>
    public static Column DateFormat(Column column, string format) => Fn("date_format", column, format);

    /// <summary>The year.</summary>
    public static Column Year(Column column) => Fn("year", column);

    /// <summary>The quarter, 1 to 4.</summary>
    public static Column Quarter(Column column) => Fn("quarter", column);

    /// <summary>The month, 1 to 12.</summary>
    public static Column Month(Column column) => Fn("month", column);

    /// <summary>The day of the month.</summary>
    public static Column DayOfMonth(Column column) => Fn("dayofmonth", column);

    /// <summary>The day of the week, 1 (Sunday) to 7 (Saturday).</summary>
    public static Column DayOfWeek(Column column) => Fn("dayofweek", column);

    /// <summary>The day of the year.</summary>
    public static Column DayOfYear(Column column) => Fn("dayofyear", column);

    /// <summary>The ISO week of the year.</summary>
    public static Column WeekOfYear(Column column) => Fn("weekofyear", column);

    /// <summary>The hour.</summary>
    public static Column Hour(Column column) => Fn("hour", column);

    /// <summary>The minute.</summary>
    public static Column Minute(Column column) => Fn("minute", column);

    /// <summary>The second.</summary>
    public static Column Second(Column column) => Fn("second", column);

    /// <summary>The last day of the month.</summary>
    public static Column LastDay(Column column) => Fn("last_day", column);

    /// <summary>The first date after the given one that falls on a day of the week (<c>"Mon"</c>…).</summary>
    public static Column NextDay(Column column, string dayOfWeek) => Fn("next_day", column, dayOfWeek);

    /// <summary>A date truncated to a unit (<c>year</c>, <c>month</c>, <c>week</c>, <c>quarter</c>).</summary>
    public static Column Trunc(Column date, string unit) => Fn("trunc", date, unit);

    /// <summary>A timestamp truncated to a unit (<c>year</c> … <c>second</c>).</summary>
    public static Column DateTrunc(string unit, Column timestamp) => Fn("date_trunc", Lit(unit), timestamp);

    /// <summary>Seconds since the epoch of a timestamp.</summary>
    public static Column UnixTimestamp(Column column) => Fn("unix_timestamp", column);

    /// <summary>Seconds since the epoch formatted as a string.</summary>
    public static Column FromUnixTime(Column column, string format = "yyyy-MM-dd HH:mm:ss") => Fn("from_unixtime", column, format);

    /// <summary>Seconds since the epoch as a timestamp.</summary>
    public static Column TimestampSeconds(Column column) => Fn("timestamp_seconds", column);

    /// <summary>A local time in a zone converted to UTC.</summary>
    public static Column ToUtcTimestamp(Column column, string timeZone) => Fn("to_utc_timestamp", column, timeZone);

    /// <summary>A UTC time converted to a zone's local time.</summary>
    public static Column FromUtcTimestamp(Column column, string timeZone) => Fn("from_utc_timestamp", column, timeZone);

    /// <summary>A date from year, month and day.</summary>
    public static Column MakeDate(Column year, Column month, Column day) => Fn("make_date", year, month, day);
}
