"""Text for people: the messages of each language, and anyone's text made safe to show."""
