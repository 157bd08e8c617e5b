from tests.factories.cms import (  # noqa: F401
    CenterFactory,
    CollectionFactory,
    DisclaimerFactory,
    ImageFactory,
    NewsletterFactory,
    ProgramFactory,
    ProjectFactory,
    PublicationTypeFactory,
    RegionFactory,
    TopicFactory,
)
from tests.factories.people import AffiliationFactory, PersonFactory, PersonLinkFactory  # noqa: F401
from tests.factories.publications import (  # noqa: F401
    AuthorshipFactory,
    CollectionItemFactory,
    EditionFactory,
    PublicationFactory,
)
from tests.factories.users import UserFactory, signed_in  # noqa: F401
