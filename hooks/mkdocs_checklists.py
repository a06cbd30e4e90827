"""Show checklist boxes as drawn boxes rather than disabled form fields.

Python-Markdown's task lists render `- [ ] item` as a disabled checkbox with
no label, which screen readers announce as an unlabelled, unusable control
(axe rule "label"). The checklists on this site are for printing, so a
drawn box hidden from screen readers serves every reader better.
"""

import re

_DISABLED_CHECKBOX = re.compile(r'<input type="checkbox" disabled(?:="")?(?: checked(?:="")?)?\s*/?>')


def on_page_content(html, *, page, config, files):
    return _DISABLED_CHECKBOX.sub('<span class="task-box" aria-hidden="true"></span>', html)
