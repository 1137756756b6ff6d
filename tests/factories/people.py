from __future__ import annotations

import factory

from safesocial.people.models import Organisation, Person, School


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Trust {n}")
    slug = factory.Sequence(lambda n: f"trust-{n}")
    kind = Organisation.Kind.TRUST


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = School

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"School {n} Primary")
    slug = factory.Sequence(lambda n: f"school-{n}")
    aliases = factory.LazyAttribute(lambda o: [o.name.replace(" Primary", "")])
    email_domains = factory.Sequence(lambda n: [f"school{n}.sch.uk"])


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    school = factory.SubFactory(SchoolFactory)
    external_id = factory.Sequence(lambda n: f"X{n:05d}")
    role = Person.Role.STAFF
    legal_forename = "Alex"
    legal_surname = factory.Sequence(lambda n: f"Surname{n}")
