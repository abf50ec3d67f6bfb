"""Demo data of the network: the social map's organisations and activities, then the
partnership that builds on those organisations, then the public agenda."""

from network.events import demo as events_demo
from network.partnership import demo as partnership_demo
from network.socialmap import demo as socialmap_demo
from network.thinkalong import demo as thinkalong_demo


def seed(stdout) -> None:
    socialmap_demo.seed(stdout)
    partnership_demo.seed(stdout)
    events_demo.seed(stdout)
    thinkalong_demo.seed(stdout)
