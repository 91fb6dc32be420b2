import sys

from pesiar_desktop.cli import main

sys.exit(main())
