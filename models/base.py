"""A strict base so a misspelt field is an error, not silently dropped data."""
from pydantic import BaseModel, ConfigDict


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
