namespace Ego.Proto.Doc.Internal;

/// <summary>The inline style sheet of the HTML pages: readable without any external asset.</summary>
internal static class HtmlStyle
{
    public const string Css = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; line-height: 1.5; }
        h1, h2 { border-bottom: 1px solid #d0d7de; padding-bottom: .3rem; }
        h3 { margin-top: 2rem; }
        code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
        pre.signature { background: #f6f8fa; padding: .6rem .8rem; border-radius: 6px; overflow-x: auto; }
        .description { white-space: pre-line; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
        th, td { border: 1px solid #d0d7de; padding: .35rem .6rem; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; }
        tbody tr:nth-child(even) { background: #fbfcfd; }
        .oneof { color: #6e7781; font-size: .85em; }
        .empty { color: #6e7781; }
        nav ul { padding-left: 1.2rem; }
        a { color: #0969da; text-decoration: none; }

        """;
}
