"""一门的大厅核心：数据、规则与用例，不依赖 Qt。"""

import logging

# A library logs; the application decides where it goes (each app and the yimen command
# set up their own handlers), so nothing is printed when none is set up.
logging.getLogger(__name__).addHandler(logging.NullHandler())
