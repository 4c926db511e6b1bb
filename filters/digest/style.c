/*
 * style.c - the page's style sheet, inlined in every page.
 *
 * System fonts only (a serif for headlines, summaries and quotes, the
 * platform's sans-serif for the rest), so nothing is fetched.  One column
 * on a phone; from 900px wide, quotes beside people, organisations and
 * coverage.  Print: black on white, no contents list, stories not split
 * inside a quote or an article entry, and each link's address printed
 * after it.  A dark scheme follows the reader's setting.  (Pieces, not one
 * string: C compilers need only support literals of 4095 bytes.)
 */
#include "digest.h"

const char *const digest_css[] = {
	":root{--ink:#1c1c1c;--soft:#3d3f43;--muted:#62666d;--faint:#8b9098;--rule:#e4e0d8;"
	"--paper:#fdfcf9;--chip:#f1ede5;--accent:#9e1b1f;--link:#174a8b}\n",
	"*{box-sizing:border-box}\n",
	"html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n",
	"body{margin:0;background:var(--paper);color:var(--ink);"
	"font:16px/1.6 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",\"Helvetica Neue\",Arial,sans-serif;"
	"overflow-wrap:break-word}\n",
	".page{max-width:74rem;margin:0 auto;padding:0 1.25rem}\n",
	".u{unicode-bidi:isolate}\n",
	"a{color:var(--link);text-decoration-thickness:1px;text-underline-offset:2px}\n",
	".masthead{text-align:center;padding:2.6rem 0 1.1rem;border-bottom:3px double var(--ink)}\n",
	".masthead h1{margin:0;font-family:Georgia,\"Times New Roman\",Times,serif;font-weight:700;"
	"font-size:clamp(2.2rem,6vw,3.6rem);line-height:1.05;letter-spacing:-.015em}\n",
	".dateline{margin:.7rem 0 0;color:var(--muted);font-size:.78rem;letter-spacing:.09em;text-transform:uppercase}\n",
	".contents{margin:1.6rem 0 0;padding:0 0 1.4rem;border-bottom:1px solid var(--rule)}\n",
	".contents h2{margin:0 0 .6rem;font-size:.75rem;letter-spacing:.1em;text-transform:uppercase;color:var(--muted)}\n",
	".contents ol{margin:0;padding-left:1.4rem;columns:2 22rem;column-gap:3rem}\n",
	".contents li{margin:0 0 .35rem;break-inside:avoid}\n",
	".contents a{color:var(--ink);text-decoration:none;font-family:Georgia,serif}\n",
	".contents a:hover{text-decoration:underline}\n",
	".n{color:var(--faint);font-size:.78em;font-weight:400;margin-left:.3rem;white-space:nowrap}\n",
	".story{padding:2.4rem 0 2.6rem;border-bottom:1px solid var(--rule)}\n",
	".story:last-child{border-bottom:0}\n",
	".kicker{margin:0 0 .45rem;color:var(--accent);font-size:.74rem;font-weight:650;letter-spacing:.09em;"
	"text-transform:uppercase}\n",
	".story h2{margin:0 0 .9rem;font-family:Georgia,\"Times New Roman\",Times,serif;font-weight:700;"
	"font-size:clamp(1.55rem,3.4vw,2.25rem);line-height:1.18;letter-spacing:-.01em;max-width:52rem;"
	"text-wrap:balance}\n",
	".summary{margin:0 0 1.9rem;font-family:Georgia,\"Times New Roman\",Times,serif;"
	"font-size:1.14rem;line-height:1.66;color:var(--soft)}\n",
	".story-body{display:grid;gap:2rem}\n",
	"@media (min-width:900px){.story-body{grid-template-columns:minmax(0,1.7fr) minmax(0,1fr);gap:3.5rem}}\n",
	".hl{color:inherit;text-decoration:none}\n",
	"a.hl:hover{text-decoration:underline;text-decoration-thickness:2px}\n",
	".byline{margin:-.35rem 0 1.1rem;color:var(--muted);font-size:.84rem}\n",
	"h3{margin:0 0 .9rem;padding-bottom:.45rem;border-bottom:1px solid var(--rule);color:var(--muted);"
	"font-size:.72rem;font-weight:650;letter-spacing:.1em;text-transform:uppercase}\n",
	"section+section{margin-top:1.8rem}\n",
	".speaker{margin:0 0 1.35rem}\n",
	".speaker h4{margin:0 0 .45rem;font-size:1rem;font-weight:650}\n",
	".unknown{color:var(--muted);font-weight:500;font-style:italic}\n",
	".quote{margin:0 0 .8rem;padding-left:.9rem;border-left:3px solid var(--rule);color:var(--soft)}\n",
	".quote.direct,.quote.partial{border-left-color:var(--accent);color:var(--ink);"
	"font-family:Georgia,\"Times New Roman\",Times,serif;font-size:1.07rem;line-height:1.5}\n",
	".quote.partial{border-left-color:#dba2a4}\n",
	".cue{color:var(--muted);font-style:italic}\n",
	".src{color:var(--faint);font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",Arial,sans-serif;"
	"font-size:.76rem;font-style:normal}\n",
	".ref{margin-left:.15rem;color:var(--link);font-size:.72rem;vertical-align:super;line-height:0;"
	"text-decoration:none}\n",
	".ref:hover{text-decoration:underline}\n",
	".also{white-space:nowrap}\n",
	".chips{display:flex;flex-wrap:wrap;gap:.4rem;margin:0;padding:0;list-style:none}\n",
	".chips li{padding:.22rem .72rem;border-radius:999px;background:var(--chip);font-size:.86rem;line-height:1.4}\n",
	".articles{margin:0;padding:0;list-style:none}\n",
	".articles li{display:flex;gap:.7rem;padding:.7rem 0;border-top:1px solid var(--rule)}\n",
	".articles li:first-child{border-top:0;padding-top:0}\n",
	".num{flex:none;min-width:1.2rem;color:var(--faint);font-size:.8rem;line-height:1.6rem;text-align:right;"
	"font-variant-numeric:tabular-nums}\n",
	".articles .title{color:var(--ink);font-weight:600;line-height:1.35;text-decoration:none}\n",
	".articles a.title:hover{text-decoration:underline}\n",
	".untitled{font-weight:400;font-style:italic;color:var(--soft)}\n",
	".meta{margin:.2rem 0 0;color:var(--muted);font-size:.8rem}\n",
	".outlet{font-weight:600;color:var(--soft)}\n",
	".tag{padding:0 .35rem;border:1px solid var(--rule);border-radius:3px;font-size:.72rem;text-transform:uppercase;"
	"letter-spacing:.05em}\n",
	".more{margin:.55rem 0 0;color:var(--faint);font-size:.8rem}\n",
	".empty{padding:3rem 0;color:var(--muted);text-align:center}\n",
	".colophon{padding:1.8rem 0 3rem;border-top:1px solid var(--rule);color:var(--faint);font-size:.78rem;"
	"text-align:center}\n",
	".colophon p{max-width:46rem;margin:0 auto}\n",
	"@media (max-width:560px){body{font-size:15.5px}.page{padding:0 1rem}.masthead{padding-top:1.6rem}"
	".story{padding:1.8rem 0 2rem}.summary{font-size:1.06rem}}\n",
	"@media (prefers-color-scheme:dark){:root{--ink:#ecebe8;--soft:#d4d2cd;--muted:#a9adb3;--faint:#868b93;"
	"--rule:#34363a;--paper:#151617;--chip:#26282b;--accent:#f0868a;--link:#8fb8f0}"
	".quote.partial{border-left-color:#8a4a4d}}\n",
	"@media print{@page{margin:16mm 15mm}"
	":root{--ink:#000;--soft:#111;--muted:#444;--faint:#555;--rule:#bbb;--paper:#fff;--chip:#fff;--accent:#000;"
	"--link:#000}"
	"body{font-size:10.5pt;line-height:1.45}.page{max-width:none;padding:0}.contents{display:none}"
	".masthead h1{font-size:26pt}.story h2{font-size:17pt}.summary{font-size:11pt}"
	".masthead{padding-top:0}.story{padding:1.2rem 0;break-before:auto}"
	".story h2,h3,h4{break-after:avoid}.quote,.speaker h4,.articles li,.chips li{break-inside:avoid}"
	".chips li{border:1px solid #999;padding:0 .5rem}"
	".articles a.title[href]::after,a.hl[href]::after{content:\" \" attr(href);display:block;font-weight:400;"
	"font-size:8pt;font-family:system-ui,sans-serif;letter-spacing:0;"
	"color:#444;word-break:break-all}"
	".ref{color:#555}}\n",
	NULL,
};
