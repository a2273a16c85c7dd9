"""A person's answers: the one ``Answers`` model, and answers read from files."""
